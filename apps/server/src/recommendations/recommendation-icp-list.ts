import {
  RECOMMENDATION_ICP_LIST_LIMIT,
  type RecommendationIcp,
  type RecommendationIcpList,
} from '@icp/schema';

/** The saved ICP (or none) as `GET /v2/recommendations/icp` lists it. */
export function recommendationIcpListOf(icp: RecommendationIcp | undefined): RecommendationIcpList {
  const icpFilters =
    icp === undefined
      ? []
      : [
          {
            id: icp.id,
            type: 'DECLARED_ICP' as const,
            companies: icp.companies ?? {},
            people: icp.people ?? {},
          },
        ];
  return {
    icpFilters,
    pagination: {
      hasMore: false,
      limit: RECOMMENDATION_ICP_LIST_LIMIT,
      totalAmount: icpFilters.length,
    },
  };
}
