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

/** The part of the TCCC client a transfer directory needs (`createTcccClient` has it). */
export interface DirectorySource {
  listSkillGroups(request?: {
    signal?: AbortSignal;
  }): Promise<{ SkillGroupId?: number; SkillGroupName?: string }[]>;
  listStaff(request?: { signal?: AbortSignal }): Promise<
    {
      Mail?: string;
      Name?: string;
      Nick?: string;
      SkillGroupList?: { SkillGroupName?: string }[];
    }[]
  >;
}

export interface TransferDirectoryOptions {
  /**
   * How long one reading of the directory is reused, in ms (default 30 s; 0 = ask TCCC every
   * time). Opening the transfer dialog then costs no cloud API call most of the time, and a
   * new colleague shows up within that long.
   */
  cacheMs?: number;
  now?: () => number;
}

/**
 * The transfer targets from the cloud API: every skill group (DescribeSkillGroupInfoList) and
 * every agent (DescribeStaffInfoList) of the app. Entries without an id are left out; an agent
 * without a name is listed by their seat. Whether an agent is free is not known here: TCCC
 * answers that when the SDK transfers (and the console says so).
 */
export function createTransferDirectory(
  source: DirectorySource,
  options: TransferDirectoryOptions = {},
): ListTransferTargets {
  const cacheMs = options.cacheMs ?? 30_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; targets: TransferTargets } | undefined;
  return async (signal) => {
    if (cached && now() - cached.at < cacheMs) return cached.targets;
    const request = signal ? { signal } : {};
    const [groups, staff] = await Promise.all([
      source.listSkillGroups(request),
      source.listStaff(request),
    ]);
    const targets: TransferTargets = {
      skillGroups: groups.flatMap((group) =>
        group.SkillGroupId === undefined
          ? []
          : [
              {
                skillGroupId: String(group.SkillGroupId),
                name: group.SkillGroupName || `Skill group ${group.SkillGroupId}`,
              },
            ],
      ),
      agents: staff.flatMap((member) =>
        member.Mail
          ? [
              {
                userId: member.Mail,
                name: member.Name || member.Nick || member.Mail,
                skillGroups: (member.SkillGroupList ?? []).flatMap((group) =>
                  group.SkillGroupName ? [group.SkillGroupName] : [],
                ),
              },
            ]
          : [],
      ),
    };
    if (cacheMs > 0) cached = { at: now(), targets };
    return targets;
  };
}
