// Passkeys in the browser: the server's options arrive in WebAuthn's JSON form, and the credential goes back in
// it. Browsers that know PublicKeyCredential.parseCreationOptionsFromJSON() and credential.toJSON() (WebAuthn
// Level 3) do the conversion themselves; for the others it is done here (base64url <-> ArrayBuffer).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by app.js, loaded after this file
const webauthn = (() => {
  const toBytes = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0)).buffer;
  };
  const toText = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const withIds = (credentials) =>
    (credentials ?? []).map((credential) => ({ ...credential, id: toBytes(credential.id) }));

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function')
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return {
      ...json,
      challenge: toBytes(json.challenge),
      user: { ...json.user, id: toBytes(json.user.id) },
      excludeCredentials: withIds(json.excludeCredentials),
    };
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function')
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return { ...json, challenge: toBytes(json.challenge), allowCredentials: withIds(json.allowCredentials) };
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') return credential.toJSON();
    const { response } = credential;
    const answer = { clientDataJSON: toText(response.clientDataJSON) };
    if (response.attestationObject) {
      answer.attestationObject = toText(response.attestationObject);
      answer.transports = typeof response.getTransports === 'function' ? response.getTransports() : [];
    } else {
      answer.authenticatorData = toText(response.authenticatorData);
      answer.signature = toText(response.signature);
      answer.userHandle = response.userHandle ? toText(response.userHandle) : null;
    }
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: answer,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    };
  }

  return {
    /** Whether this browser can use passkeys at all (a secure context with WebAuthn). */
    supported: () => typeof window.PublicKeyCredential === 'function' && Boolean(navigator.credentials),
    /** A new passkey for the creation options `json`: its credential's JSON. */
    async create(json) {
      return credentialJson(await navigator.credentials.create({ publicKey: creationOptions(json) }));
    },
    /** A passkey's answer to the request options `json`: its credential's JSON. */
    async get(json) {
      return credentialJson(await navigator.credentials.get({ publicKey: requestOptions(json) }));
    },
  };
})();
