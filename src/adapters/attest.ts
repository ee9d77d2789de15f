// Build provenance for a published model (@actions/attest): a Sigstore-signed SLSA statement of the
// asset's sha256, stored by GitHub. It needs the job's `id-token: write` (an OIDC token) and
// `attestations: write`. Without them it is a notice, and a failure is a warning: the release stands.
import type * as CoreModule from '@actions/core';

export function attestation(core: typeof CoreModule, token: string): (name: string, sha256: string) => Promise<void> {
  return async (name, sha256) => {
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
      core.notice(`publish-model: no provenance attestation for ${name}: the job does not grant id-token: write (and attestations: write)`);
      return;
    }
    try {
      const { attestProvenance } = await import('@actions/attest');
      const result = await attestProvenance({ subjects: [{ name, digest: { sha256 } }], token });
      core.info(`attested the build provenance of ${name} (sha256:${sha256})${result.attestationID ? `: attestation ${result.attestationID}` : ''}`);
    } catch (err) {
      core.warning(`publish-model: the provenance attestation of ${name} failed (${(err as Error).message}); the job needs id-token: write and attestations: write. The release stands.`);
    }
  };
}
