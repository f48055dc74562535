/** Amazon S3 events (management and data events): request headers, the ACL document, and the additional data S3 logs. */
import { DOCS } from './docs';
import { field as f } from './field';
import type { FieldTable } from './types';

const A = DOCS.s3Api;
const C = DOCS.s3CloudTrail;
const ACL = 'requestParameters.AccessControlPolicy';
const GRANT = `${ACL}.AccessControlList.Grant`;
const HOST = f(
  'Endpoint host name',
  'The S3 endpoint host the request was sent to (virtual-hosted or path style).',
  'string or array of strings',
  A,
);

export const S3_FIELDS: FieldTable = {
  'requestParameters.bucketName': f('Bucket', 'The name of the bucket the request was about.', 'string', A),
  'requestParameters.key': f('Object key', 'The key (path) of the object the request was about.', 'string', A),
  'requestParameters.Host': HOST,
  'requestParameters.host': HOST,
  'requestParameters.acl': f('ACL subresource', 'Marks a request on the bucket’s access control list (?acl).', 'array of strings', A),
  'requestParameters.versioning': f(
    'Versioning subresource',
    'Marks a request on the bucket’s versioning configuration (?versioning).',
    'array of strings',
    A,
  ),
  'requestParameters.x-amz-server-side-encryption': f(
    'Server-side encryption asked for',
    'The encryption the caller asked for (AES256 or aws:kms).',
    'string',
    DOCS.s3SseKms,
  ),
  'requestParameters.x-amz-server-side-encryption-aws-kms-key-id': f(
    'KMS key for the object',
    'The KMS key the caller asked S3 to encrypt the object with.',
    'string',
    DOCS.s3SseKms,
  ),
  'requestParameters.x-amz-server-side-encryption-context': f(
    'Extra encryption context',
    'Extra encryption context pairs (base64 JSON) S3 adds to aws:s3:arn.',
    'string',
    DOCS.s3SseKms,
  ),
  [ACL]: f('Access control list sent', 'The ACL document of the request, converted from XML: the owner and the grants.', 'object', A),
  [`${ACL}.xmlns`]: f('XML namespace', 'The S3 XML namespace of the ACL document.', 'string', A),
  [`${ACL}.Owner`]: f('Owner in the ACL', 'The owner of the bucket or object, by canonical user ID.', 'object', A),
  [`${ACL}.Owner.ID`]: f('Owner canonical ID', 'The canonical user ID of the owner.', 'string', A),
  [`${ACL}.AccessControlList`]: f('The grants', 'The list of grants of the ACL.', 'object', A),
  [GRANT]: f('A grant', 'One grantee and the permission it receives.', 'object', A),
  [`${GRANT}.Grantee`]: f(
    'Who receives the permission',
    'The grantee: a canonical user, an email address or a predefined group.',
    'object',
    A,
  ),
  [`${GRANT}.Grantee.xsi:type`]: f('Kind of grantee', 'How the grantee is identified.', 'string', A, {
    CanonicalUser: 'An account by its canonical user ID.',
    Group: 'A predefined group (AllUsers makes the resource public).',
    AmazonCustomerByEmail: 'An account by email address.',
  }),
  [`${GRANT}.Grantee.xmlns:xsi`]: f('XML schema namespace', 'The XML schema-instance namespace of the grantee element.', 'string', A),
  [`${GRANT}.Grantee.ID`]: f('Grantee canonical ID', 'The canonical user ID of the grantee.', 'string', A),
  [`${GRANT}.Grantee.URI`]: f('Grantee group', 'The predefined group the permission goes to (AllUsers means everyone).', 'string', A),
  [`${GRANT}.Permission`]: f('Permission granted', 'What the grantee may do.', 'string', A, {
    FULL_CONTROL: 'Everything, including changing the ACL.',
    READ: 'List the bucket / read the object.',
    WRITE: 'Write objects in the bucket.',
    READ_ACP: 'Read the ACL.',
    WRITE_ACP: 'Change the ACL.',
  }),
  'responseElements.x-amz-server-side-encryption': f(
    'Encryption applied',
    'The encryption S3 applied (AES256 or aws:kms).',
    'string',
    DOCS.s3SseKms,
  ),
  'responseElements.x-amz-server-side-encryption-aws-kms-key-id': f(
    'KMS key used',
    'The KMS key S3 encrypted the object with.',
    'string',
    DOCS.s3SseKms,
  ),
  'responseElements.x-amz-version-id': f('Object version', 'The version ID of the object written.', 'string', A),
  'additionalEventData.SignatureVersion': f('Signature version', 'How the request was signed.', 'string', C, {
    SigV2: 'Signature Version 2 (old; S3 is retiring it).',
    SigV4: 'Signature Version 4.',
  }),
  'additionalEventData.CipherSuite': f('TLS cipher suite', 'The cipher suite of the connection.', 'string', C),
  'additionalEventData.AuthenticationMethod': f('How the request was authenticated', 'Where the signature was.', 'string', C, {
    AuthHeader: 'In the Authorization header.',
    QueryString: 'In the query string (a presigned URL).',
    'x-amz-date': 'With the x-amz-date header.',
  }),
  'additionalEventData.aclRequired': f(
    'Whether an ACL authorized the request',
    'Yes when the request needed an ACL to be allowed (useful before disabling ACLs).',
    'string',
    C,
    {
      Yes: 'An ACL was needed to allow this request.',
    },
  ),
  'additionalEventData.bytesTransferredIn': f('Bytes received', 'The size of the request body in bytes.', 'number', C),
  'additionalEventData.bytesTransferredOut': f('Bytes sent', 'The size of the response body in bytes.', 'number', C),
  'additionalEventData.x-amz-id-2': f(
    'S3 extended request ID',
    'The second S3 request ID; quote it with requestID to AWS Support.',
    'string',
    C,
  ),
  'additionalEventData.SSEApplied': f('Encryption applied', 'Which server-side encryption protected the object.', 'string', C, {
    Default_SSE_S3: 'The bucket default, SSE-S3.',
    Default_SSE_KMS: 'The bucket default, SSE-KMS.',
    SSE_S3: 'SSE-S3, requested by the caller.',
    SSE_KMS: 'SSE-KMS, requested by the caller.',
    SSE_C: 'A key supplied by the caller (SSE-C).',
  }),
};
