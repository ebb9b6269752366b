/**
 * What an options route answers: the challenge's id, to send back with the answer, and the options for
 * `navigator.credentials.create()` / `.get()` in WebAuthn's JSON form (`PublicKeyCredential.parseCreationOptionsFromJSON()`
 * and `parseRequestOptionsFromJSON()` read them).
 */
export interface PasskeyCeremonyOptions {
  challengeId: string;
  options: object;
}

/** An answer of an authenticator to a challenge, as the client sends it back. */
export interface PasskeyAnswer {
  challengeId: unknown;
  response: unknown;
}
