/** Trusting a self-signed team server by its SHA-256 fingerprint (certificates made by openssl). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamClient } from '../../main/services/teamClient/client';
import { pemFingerprint, probeCertificate } from '../../main/services/teamClient/fingerprint';
import { TeamConnections } from '../../main/services/teamClient/connections';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-tls-'));
let server: https.Server;
let port = 0;

function makeCert(name: string) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      path.join(dir, `${name}.key`),
      '-out',
      path.join(dir, `${name}.pem`),
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(path.join(dir, `${name}.key`)), cert: fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8') };
}

beforeAll(async () => {
  const c = makeCert('team.local');
  server = https.createServer({ key: c.key, cert: c.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, value: { mode: 'team', signedIn: false, sso: false } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('self-signed certificate trust by fingerprint', () => {
  it('the probe shows the same fingerprint as openssl, and says the system does not trust it', async () => {
    const openssl = execFileSync('openssl', ['x509', '-in', path.join(dir, 'team.local.pem'), '-noout', '-fingerprint', '-sha256'], {
      encoding: 'utf8',
    });
    const p = await probeCertificate('127.0.0.1', port);
    expect(openssl.trim().split('=')[1]).toBe(p.fingerprint);
    expect(pemFingerprint(p.pem)).toBe(p.fingerprint);
    expect(p.systemTrusted).toBe(false);
  });

  it('unpinned: refused; pinned: accepted; another certificate pinned: refused', async () => {
    const file = path.join(dir, 'c.sqlite');
    const c = new TeamClient({ file, timeoutMs: 3000 });
    c.setServer(`https://127.0.0.1:${port}`);
    await expect(c.call('auth.status', {})).rejects.toMatchObject({ status: 0 });
    const p = await probeCertificate('127.0.0.1', port);
    c.setServer(`https://127.0.0.1:${port}`, { fingerprint: p.fingerprint, pem: p.pem });
    await expect(c.call('auth.status', {})).resolves.toMatchObject({ mode: 'team' });
    const other = makeCert('evil.local');
    c.setServer(`https://127.0.0.1:${port}`, { fingerprint: pemFingerprint(other.cert), pem: other.cert });
    await expect(c.call('auth.status', {})).rejects.toMatchObject({ status: 0 });
    // a fingerprint that does not belong to the certificate given with it is refused outright
    expect(() => c.setServer(`https://127.0.0.1:${port}`, { fingerprint: p.fingerprint, pem: other.cert })).toThrow(/does not match/);
    c.close();
  });

  it('connecting to a self-signed server needs the exact fingerprint the user accepted', async () => {
    const conns = new TeamConnections(path.join(dir, 'conns'));
    const url = `https://127.0.0.1:${port}`;
    const p = await conns.probe(url);
    expect(p).toMatchObject({ tls: true, systemTrusted: false });
    for (const trustFingerprint of [null, pemFingerprint(makeCert('other.local').cert)]) {
      await expect(conns.connect({ url, email: 'a@b.c', password: 'x', trustFingerprint })).rejects.toMatchObject({
        code: 'forbidden',
        localized: { key: 'teamClient.untrustedCertificate' },
      });
    }
    expect(conns.state().servers).toEqual([]);
    conns.close();
  });
});
