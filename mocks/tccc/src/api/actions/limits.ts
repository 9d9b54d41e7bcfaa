/**
 * The limits of the emulated actions, in one place. Those TCCC documents (in its API pages
 * and tencentcloud-sdk-nodejs's model comments) are marked so; the others are the mock's
 * plausible choice, [unconfirmed], easy to change here.
 */
export const API_LIMITS = {
  /** DescribeTelCdr PageSize (documented: "<= 100"). */
  telCdrPageSize: 100,
  /** DescribeTelCdr / DescribeSessionDetail: End - Start under this many days (documented). */
  cdrWindowDays: 90,
  /** DescribeTelCdr / DescribeSessionDetail: Start at most this many days ago (documented). */
  cdrHistoryDays: 180,
  /** DescribeTelCdr Phones / SessionIds entries [unconfirmed]. */
  telCdrFilterItems: 100,
  /** DescribePSTNActiveSessionList Limit (documented: "at most 25"). */
  activeSessionLimit: 25,
  /** DescribeStaffInfoList PageSize (documented: "<= 9999"). */
  staffPageSize: 9999,
  /** DescribeSkillGroupInfoList PageSize (documented: "<= 100"). */
  skillGroupPageSize: 100,
  /** CreateStaff Staffs per call (documented: "no more than 10"). */
  createStaffPerCall: 10,
  /** SetStaffStatus StaffStatusList per call (documented: "at most 10"). */
  setStaffStatusPerCall: 10,
  /** DescribeStaffStatusMetrics StaffList / GroupIdList / StatusList entries [unconfirmed]. */
  staffMetricsFilterItems: 1000,
} as const;

/** A timestamp above this is taken for milliseconds in a "Unix seconds" parameter (year 5138). */
export const LOOKS_LIKE_MILLISECONDS = 100_000_000_000;
