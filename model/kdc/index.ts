/**
 * The multicast key-distribution center (docs/protocol/01-initialization.md to 04-messaging.md): group keys, ciphers, messaging,
 * relay, rekeying (flat and LKH) and the end-to-end run, re-exported by name.
 * @module
 */
export type {
  Authentication,
  AuthenticationOutcome,
  PrivateKeyEstablishment,
  PrivateKeyOutcome,
  QuantumChannel,
  QuantumSteps,
} from "./quantumSteps.js";
export { keyPool, remaining, takeKey, takeKeyAt, drawKeyMaterial, type KeyPool } from "./keyPool.js";
export { MAC_KEY_BYTES, MAC_TAG_BYTES, forgeryBound, oneTimeTag, polynomialHash } from "./oneTimeMac.js";
export { otpCost, otpDecrypt, otpDecryptWithMaterial, otpEncrypt, type Opened, type OtpCiphertext } from "./oneTimePad.js";
export { AES_KEY_BYTES, aesGcmOpen, aesGcmSeal, counterNonce, deriveKey, nonceCounter, type AesGcmCiphertext } from "./aesGcm.js";
export {
  cipherNames,
  decryptGroupKey,
  decryptGroupKeyWithMaterial,
  encryptGroupKey,
  privateKey,
  type CipherName,
  type GroupKeyCiphertext,
  type PrivateKey,
} from "./groupKeyCipher.js";
export {
  emptySequence,
  messageKey,
  openMessage,
  readMessage,
  sealMessage,
  streamId,
  type GroupMessage,
  type MessageHeader,
  type SequenceState,
} from "./messaging.js";
export { KDC_SENDER, emptyRelay, relay, type GroupKeyEntry, type Relayed, type RelayObservation, type RelayState } from "./relay.js";
export {
  createLkhTree,
  lkhInitialMessages,
  lkhJoin,
  lkhLeave,
  lkhPathKeys,
  lkhPosition,
  lkhRootKey,
  lkhSize,
  lkhUnwrap,
  nodeId,
  type LkhChange,
  type LkhMessage,
  type LkhTree,
  type NodeId,
  type NodeKey,
} from "./lkhTree.js";
export {
  groupKeyAad,
  groupKeyConfirmation,
  holderOf,
  keyScopes,
  lkhLeafKey,
  newKdcGroup,
  withPrivateKey,
  type KdcGroup,
  type KeyScope,
  type RekeyMessage,
  type Rekeyed,
} from "./kdcGroup.js";
export type { RekeyStrategy, RekeyStrategyName } from "./rekeyStrategy.js";
export { distribute, flatRekey } from "./flatRekey.js";
export { lkhRekey } from "./lkhRekey.js";
export { absorb, absorbAll, emptyKnowledge, groupKeyOf, readWith, withMaterial, type HeldMaterial, type Knowledge } from "./knowledge.js";
export { formatHistory, partiesOf, type MembershipEvent, type MembershipHistory } from "./membership.js";
export {
  EAVESDROPPER,
  runSession,
  type SentMessage,
  type SessionConfig,
  type SessionStep,
  type SessionSteps,
  type SessionTranscript,
} from "./session.js";
export { runEndToEnd, type EndToEndRequest, type EndToEndResult } from "./endToEnd.js";
