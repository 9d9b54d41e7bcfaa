/**
 * DescribeSkillGroupInfoList: a 0-based page (PageSize <= 100) of the app's skill groups in
 * the order they were added, optionally only `SkillGroupId`, groups whose name contains
 * `SkillGroupName` ([unconfirmed]: TCCC's console searches by part of the name), or those
 * modified at or after `ModifiedTime` (Unix seconds). TotalCount counts every page.
 */
import { toSkillGroupInfoItem } from '../../state/shapes.js';
import { type ActionCall, paramsOf } from './call.js';
import { pageWindow, requireApp } from './checks.js';
import { API_LIMITS } from './limits.js';

interface DescribeSkillGroupInfoListParams {
  SdkAppId: number;
  PageSize: number;
  PageNumber: number;
  SkillGroupId?: number;
  ModifiedTime?: number;
  SkillGroupName?: string;
}

export function describeSkillGroupInfoList(call: ActionCall) {
  const params = paramsOf<DescribeSkillGroupInfoListParams>(call);
  const { offset, limit } = pageWindow({
    pageNumber: params.PageNumber,
    pageSize: params.PageSize,
    maxPageSize: API_LIMITS.skillGroupPageSize,
  });
  requireApp(call.ctx, params.SdkAppId);
  const matching = call.ctx.store.skillGroups
    .list(params.SdkAppId)
    .filter(
      (group) =>
        (params.SkillGroupId === undefined || group.skillGroupId === params.SkillGroupId) &&
        (params.ModifiedTime === undefined || group.lastModified >= params.ModifiedTime) &&
        (!params.SkillGroupName || group.name.includes(params.SkillGroupName)),
    );
  return {
    TotalCount: matching.length,
    SkillGroupList: matching.slice(offset, offset + limit).map(toSkillGroupInfoItem),
  };
}
