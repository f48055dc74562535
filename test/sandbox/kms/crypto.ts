/** KMS cryptographic operations: GenerateDataKey(WithoutPlaintext), Encrypt, Decrypt (symmetric and RSA_2048). */
import { constants, createPublicKey, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { AwsError } from '../errors';
import { encryptionContextOf, type Handler } from './handler';

export const CRYPTO_HANDLERS: Record<string, Handler> = {
  GenerateDataKey(state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key, { encryptionContext: encryptionContextOf(input) });
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'GenerateDataKey');
    const length = input.NumberOfBytes !== undefined ? Number(input.NumberOfBytes) : input.KeySpec === 'AES_128' ? 16 : 32;
    if (input.NumberOfBytes === undefined && input.KeySpec === undefined) {
      throw new AwsError(400, 'ValidationException', 'Please specify either number of bytes or key spec.');
    }
    if (!(length >= 1 && length <= 1024)) throw new AwsError(400, 'ValidationException', 'NumberOfBytes must be between 1 and 1024');
    const plaintext = randomBytes(length);
    const blob = state.keys.encryptSymmetric(key, plaintext, encryptionContextOf(input));
    return {
      CiphertextBlob: blob.toString('base64'),
      Plaintext: plaintext.toString('base64'),
      KeyId: key.arn,
      KeyMaterialId: key.keyMaterialId,
    };
  },
  GenerateDataKeyWithoutPlaintext(state, input, ctx, tools) {
    const out = CRYPTO_HANDLERS.GenerateDataKey(state, input, ctx, tools);
    delete out.Plaintext;
    return out;
  },
  Encrypt(state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key, { encryptionContext: encryptionContextOf(input) });
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'Encrypt');
    const plaintext = Buffer.from(String(input.Plaintext ?? ''), 'base64');
    if (plaintext.length === 0 || plaintext.length > 4096)
      throw new AwsError(400, 'ValidationException', 'Plaintext must be 1 to 4096 bytes');
    if (key.keySpec === 'RSA_2048') {
      const algorithm = String(input.EncryptionAlgorithm ?? '');
      if (algorithm !== 'RSAES_OAEP_SHA_256') {
        throw new AwsError(400, 'InvalidKeyUsageException', `The sandbox supports RSAES_OAEP_SHA_256 for ${key.arn}`);
      }
      const ct = publicEncrypt(
        { key: createPublicKey(key.rsaPrivateKey!), oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING },
        plaintext,
      );
      return { CiphertextBlob: ct.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: algorithm };
    }
    const blob = state.keys.encryptSymmetric(key, plaintext, encryptionContextOf(input));
    return { CiphertextBlob: blob.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
  Decrypt(state, input, ctx, tools) {
    const blob = Buffer.from(String(input.CiphertextBlob ?? ''), 'base64');
    const call = { encryptionContext: encryptionContextOf(input) };
    if (input.KeyId) {
      const named = tools.resolve(input.KeyId);
      if (named.keySpec === 'RSA_2048') {
        tools.authorize(named, call);
        state.keys.assertUsable(named, 'ENCRYPT_DECRYPT', 'Decrypt');
        let plaintext: Buffer;
        try {
          plaintext = privateDecrypt({ key: named.rsaPrivateKey!, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, blob);
        } catch {
          throw new AwsError(400, 'InvalidCiphertextException', '');
        }
        return { KeyId: named.arn, Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' };
      }
      const key = state.keys.keyOfBlob(blob);
      if (key.keyId !== named.keyId) {
        tools.authorize(named, call);
        throw new AwsError(
          400,
          'IncorrectKeyException',
          'The key ID in the request does not identify a CMK that can perform this operation.',
        );
      }
    }
    const key = state.keys.keyOfBlob(blob);
    if (key.region !== ctx.region) throw new AwsError(400, 'InvalidCiphertextException', '');
    tools.authorize(key, call);
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'Decrypt');
    const plaintext = state.keys.decryptSymmetric(key, blob, encryptionContextOf(input));
    return {
      KeyId: key.arn,
      Plaintext: plaintext.toString('base64'),
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      KeyMaterialId: key.keyMaterialId,
    };
  },
};
