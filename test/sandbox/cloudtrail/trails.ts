export interface Trail {
  name: string;
  arn: string;
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

/** Trails visible in a region: those homed there, plus shadow copies of multi-region trails (when asked). */
export function trailsVisibleIn(trails: Trail[], region: string, includeShadowTrails: boolean): Trail[] {
  return trails.filter((t) => t.homeRegion === region || (includeShadowTrails && t.isMultiRegion));
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
    IsOrganizationTrail: false,
  };
}
