/**
 * Where an agent can transfer a call: the skill groups and the other agents of the TCCC app.
 * The console asks `GET /api/transfer-targets` when the agent opens the transfer dialog; the
 * server answers from the cloud API (DescribeSkillGroupInfoList, DescribeStaffInfoList) through
 * a `ListTransferTargets` function, so a team can filter or cache as they like.
 */

export interface TransferSkillGroup {
  /** As `tccc.Call.transfer({ skillGroupId })` takes it (a string, as the SDK types it). */
  skillGroupId: string;
  name: string;
}

export interface TransferAgent {
  /** The agent's seat (`UserId`, an email), as `tccc.Call.transfer({ userId })` takes it. */
  userId: string;
  name: string;
  /** Names of the agent's skill groups, to help pick the right colleague. */
  skillGroups: string[];
}

export interface TransferTargets {
  skillGroups: TransferSkillGroup[];
  agents: TransferAgent[];
}

export type ListTransferTargets = (signal?: AbortSignal) => Promise<TransferTargets>;

/** The targets as one agent sees them: everyone but themselves, each list sorted by name. */
export function targetsFor(targets: TransferTargets, seatUserId: string): TransferTargets {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    skillGroups: [...targets.skillGroups].sort(byName),
    agents: targets.agents
      .filter((agent) => agent.userId.toLowerCase() !== seatUserId.toLowerCase())
      .sort(byName),
  };
}
