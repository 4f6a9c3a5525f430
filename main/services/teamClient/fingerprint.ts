/**
 * Trust for a team server with a self-signed certificate: the user accepts
 * its SHA-256 fingerprint once, and the client's HTTPS agent then accepts
 * that certificate and no other (a system-trusted chain is accepted as usual).
 */
import { createHash, X509Certificate } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** "AB:CD:..." of a DER certificate, as browsers and `openssl x509 -fingerprint -sha256` show it. */
export function certFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** The fingerprint of a PEM certificate. */
export function pemFingerprint(pem: string): string {
  return certFingerprint(new X509Certificate(pem).raw);
}

export const normalizeFingerprint = (f: string) =>
  f
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .match(/../g)
    ?.join(':') ?? '';

/** Fetches the certificate a server presents (to show the user before trusting it). */
export function probeCertificate(
  host: string,
  port: number,
  timeoutMs = 5000,
): Promise<{ fingerprint: string; pem: string; subject: string; validTo: string; systemTrusted: boolean }> {
  return new Promise((resolve, reject) => {
    const sock = tls.connect(
      { host, port, ...(net.isIP(host) ? {} : { servername: host }), rejectUnauthorized: false, timeout: timeoutMs },
      () => {
        const cert = sock.getPeerCertificate();
        sock.end();
        if (!cert?.raw) return reject(new Error('The server presented no certificate.'));
        resolve({
          fingerprint: certFingerprint(cert.raw),
          pem: new X509Certificate(cert.raw).toString(),
          subject: String(cert.subject?.CN ?? ''),
          validTo: cert.valid_to,
          systemTrusted: sock.authorized,
        });
      },
    );
    sock.once('timeout', () => sock.destroy(new Error('The server did not answer in time.')));
    sock.once('error', reject);
  });
}

/** A certificate the user trusted: its fingerprint and the certificate itself (PEM). */
export interface PinnedCert {
  fingerprint: string;
  pem: string;
}

/**
 * An agent that accepts the system's trusted chains (with the usual host-name check), or
 * exactly the pinned certificate: it is added as a trust anchor so the handshake verifies
 * against it, and its fingerprint must match (the host name is not checked for it: the
 * user trusted that very key). Verification happens before any request byte is sent.
 */
export function pinnedAgent(pinned: PinnedCert | null): https.Agent {
  const want = pinned ? normalizeFingerprint(pinned.fingerprint) : null;
  if (pinned && pemFingerprint(pinned.pem) !== want) throw new Error('The pinned certificate does not match its fingerprint.');
  return new https.Agent({
    keepAlive: true,
    rejectUnauthorized: true,
    ...(pinned ? { ca: [...tls.rootCertificates, pinned.pem] } : {}),
    checkServerIdentity: (host, cert) => (want && certFingerprint(cert.raw) === want ? undefined : tls.checkServerIdentity(host, cert)),
  });
}
