import type { Certificate } from 'pkijs';

/**
 * A private key with its certificate: an observer's signing identity, or the supervisor's CA.
 * `chain` holds the issuing certificates (the CA's, for an observer), nearest first.
 */
export interface Identity {
  privateKey: CryptoKey;
  certificate: Certificate;
  chain: Certificate[];
}
