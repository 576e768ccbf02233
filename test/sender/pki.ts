import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate in PEM. */
export interface KeyPair {
  readonly key: string;
  readonly cert: string;
}

/** Certificates made at test time with the `openssl` CLI: a test CA and leaves that fail in each way Twilio names. */
export interface TestPki {
  readonly ca: string;
  /** For 127.0.0.1 and localhost, signed by the CA. */
  readonly valid: KeyPair;
  /** Signed by the CA, valid in 2020 only. */
  readonly expired: KeyPair;
  /** Signed by the CA, for another host. */
  readonly otherHost: KeyPair;
  /** For 127.0.0.1, signed by itself. */
  readonly selfSigned: KeyPair;
}

const SAN_LOCAL = 'subjectAltName=IP:127.0.0.1,DNS:localhost';

/** Generates the test PKI in a temporary directory (EC keys: fast) and removes the directory. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'fax-kit-pki-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const newKey = (name: string) => openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path(`${name}.key`));
  const read = (name: string): KeyPair => ({
    key: readFileSync(path(`${name}.key`), 'utf8'),
    cert: readFileSync(path(`${name}.crt`), 'utf8'),
  });
  try {
    newKey('ca');
    openssl('req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=twiml-fax-kit test CA', '-days', '2', '-out', 'ca.crt');

    const signedByCa = (name: string, san: string) => {
      newKey(name);
      openssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`);
      writeFileSync(path(`${name}.ext`), `${san}\n`);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`);
    };
    signedByCa('valid', SAN_LOCAL);
    signedByCa('otherHost', 'subjectAltName=DNS:fax.example.com');

    // OpenSSL 3.0's `x509` cannot back-date a certificate; `ca` can, given a minimal database.
    newKey('expired');
    openssl('req', '-new', '-key', 'expired.key', '-subj', '/CN=expired', '-out', 'expired.csr');
    writeFileSync(path('index.txt'), '');
    writeFileSync(path('expired.ext'), `${SAN_LOCAL}\n`);
    writeFileSync(
      path('ca.cnf'),
      ['[ca]', 'default_ca=test', '[test]', `dir=${dir}`, 'database=$dir/index.txt', 'new_certs_dir=$dir',
        'serial=$dir/ca.srl', 'default_md=sha256', 'policy=anything', 'unique_subject=no',
        '[anything]', 'commonName=supplied'].join('\n'),
    );
    openssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', 'expired.csr',
      '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-extfile', 'expired.ext', '-notext', '-out', 'expired.crt');

    newKey('selfSigned');
    openssl('req', '-x509', '-new', '-key', 'selfSigned.key', '-subj', '/CN=127.0.0.1', '-addext', SAN_LOCAL, '-days', '2', '-out', 'selfSigned.crt');

    return {
      ca: readFileSync(path('ca.crt'), 'utf8'),
      valid: read('valid'),
      expired: read('expired'),
      otherHost: read('otherHost'),
      selfSigned: read('selfSigned'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
