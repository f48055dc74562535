/** Bucket facts the other modules need: its region (GetBucketLocation, cached per AwsClients). */
import { GetBucketLocationCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import type { AwsClients } from './clients';

/** GetBucketLocation's answer as a region name: empty means us-east-1, the legacy `EU` means eu-west-1. */
export function locationToRegion(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** The bucket's region, or undefined when it cannot be read (denied, missing); never throws. */
export function bucketRegion(clients: AwsClients, bucket: string): Promise<string | undefined> {
  let known = clients.bucketRegions.get(bucket);
  if (!known) {
    known = (async () => {
      const region = await clients.defaultRegion();
      try {
        const answer = await clients.s3(region).send(new GetBucketLocationCommand({ Bucket: bucket }));
        return locationToRegion(answer.LocationConstraint);
      } catch {
        // HeadBucket answers with the region header even to callers without s3:GetBucketLocation.
        try {
          const head = await clients.s3(region).send(new HeadBucketCommand({ Bucket: bucket }));
          return head.BucketRegion;
        } catch {
          return undefined;
        }
      }
    })();
    clients.bucketRegions.set(bucket, known);
  }
  return known;
}

/** The region to send S3 calls for this bucket to: the one given, else its own, else the default. */
export async function s3RegionFor(clients: AwsClients, bucket: string, region?: string): Promise<string> {
  return region || (await bucketRegion(clients, bucket)) || (await clients.defaultRegion());
}
