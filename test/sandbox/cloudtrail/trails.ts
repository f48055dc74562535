export interface Trail {
  name: string;
  arn: string;
  /** Account that owns the trail (for an organization trail: the management account). */
  accountId: string;
  /** Set for organization trails: every account of this organization sees the trail as a shadow trail. */
  organizationId?: string;
  homeRegion: string;
  bucket: string;
  /** '' when the trail has no prefix. */
  s3KeyPrefix: string;
  kmsKeyArn?: string;
  isMultiRegion: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidation: boolean;
  /** Data-event trails use custom event selectors. */
  hasCustomEventSelectors: boolean;
  isLogging: boolean;
  startLoggingTime: Date;
  latestDeliveryTime?: Date;
  latestDigestDeliveryTime?: Date;
  latestDeliveryError?: string;
}

/**
 * Trails an account sees in a region: its own trails homed there, plus (when shadow trails are asked for) shadow
 * copies of its multi-region trails and, in an organization's other accounts, the organization's trails.
 */
export function trailsVisibleIn(
  trails: Trail[],
  accountId: string,
  organizationId: string | undefined,
  region: string,
  includeShadowTrails: boolean,
): Trail[] {
  return trails.filter((t) => {
    if (t.accountId === accountId) return t.homeRegion === region || (includeShadowTrails && t.isMultiRegion);
    const member = t.organizationId !== undefined && t.organizationId === organizationId;
    return member && includeShadowTrails && (t.isMultiRegion || t.homeRegion === region);
  });
}

export function trailShape(t: Trail): Record<string, unknown> {
  return {
    Name: t.name,
    S3BucketName: t.bucket,
    ...(t.s3KeyPrefix ? { S3KeyPrefix: t.s3KeyPrefix } : {}),
    IncludeGlobalServiceEvents: t.includeGlobalServiceEvents,
    IsMultiRegionTrail: t.isMultiRegion,
    HomeRegion: t.homeRegion,
    TrailARN: t.arn,
    LogFileValidationEnabled: t.logFileValidation,
    ...(t.kmsKeyArn ? { KmsKeyId: t.kmsKeyArn } : {}),
    HasCustomEventSelectors: t.hasCustomEventSelectors,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.organizationId !== undefined,
  };
}
