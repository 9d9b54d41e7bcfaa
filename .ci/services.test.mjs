/**
 * .ci/services.sh on a simulated machine: its PATH holds only stubs of the PostgreSQL,
 * Redis, apt-get and sudo commands (each logs how it was called) and the few coreutils the
 * script needs, so the install-and-start path runs for real without touching the servers
 * that this machine may be running. apt-get's stub "installs" a package by adding the
 * stubs of its commands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./services.sh', import.meta.url));
const COREUTILS = [
  'bash',
  'timeout',
  'awk',
  'sort',
  'ls',
  'sed',
  'grep',
  'seq',
  'sleep',
  'tail',
  'env',
  'cat',
  'cp',
  'mkdir',
  'chmod',
];
const DEBIAN_HBA = 'local all postgres peer\nhost all all 127.0.0.1/32 scram-sha-256\n';

const scratch = mkdtempSync(join(tmpdir(), 'tccc-kit-services-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A port nothing listens on (a moment ago). */
async function closedPort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function listening() {
  const server = createServer((socket) => socket.end()).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

let machines = 0;
/** A fresh simulated machine: stub and tool directories, a log, Debian's directories. */
function machine({ uid = 0, installed = [], clusters = '' } = {}) {
  const root = join(scratch, `m${++machines}`);
  const stubs = join(root, 'stubs');
  const tools = join(root, 'tools');
  const log = join(root, 'log');
  const pgEtc = join(root, 'etc/postgresql');
  const pgLib = join(root, 'lib/postgresql');
  for (const dir of [stubs, tools, pgEtc, pgLib]) mkdirSync(dir, { recursive: true });
  writeFileSync(log, '');
  for (const name of COREUTILS) {
    const found = spawnSync('bash', ['-c', `command -v ${name}`], {
      encoding: 'utf8',
    }).stdout.trim();
    symlinkSync(found, join(tools, name));
  }
  const script = (path, name, body = '') => {
    writeFileSync(path, `#!/bin/bash\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(path, 0o755);
  };
  const stub = (name, body) => script(join(stubs, name), name, body);
  /** The commands each Debian package brings, and the files it lays down. */
  const packages = {
    postgresql: {
      commands: {
        pg_lsclusters: `cat "${root}/clusters" 2>/dev/null; true`,
        pg_createcluster:
          `mkdir -p "${pgEtc}/$3/$4" && printf '${DEBIAN_HBA.replace(/\n/g, '\\n')}' > "${pgEtc}/$3/$4/pg_hba.conf"\n` +
          `echo "$3 $4 $2 down postgres /var/lib/postgresql/$3/$4 /var/log/x.log" > "${root}/clusters"`,
        pg_ctlcluster: '',
        pg_isready: '',
        psql: 'echo ""',
        createdb: '',
      },
      serverDir: join(pgLib, '15'),
    },
    'redis-server': { commands: { 'redis-server': '', 'redis-cli': 'echo PONG' } },
  };
  for (const [name, { commands, serverDir }] of Object.entries(packages)) {
    const pkg = join(root, 'pkg', name);
    mkdirSync(pkg, { recursive: true });
    for (const [command, body] of Object.entries(commands))
      script(join(pkg, command), command, body);
    const install = [`cp "${pkg}"/* "${stubs}/"`, serverDir ? `mkdir -p "${serverDir}"` : ''];
    writeFileSync(join(root, `install-${name}`), `${install.join('\n')}\n`);
    if (installed.includes(name)) {
      spawnSync('bash', [join(root, `install-${name}`)]);
    }
  }
  stub('id', `echo ${uid}`);
  stub('sudo', 'exec "$@"');
  const installers = Object.keys(packages)
    .map((name) => `[ "$4" = "${name}" ] && bash "${root}/install-${name}"`)
    .join('\n');
  stub('apt-get', `[ "$1" = install ] || exit 0\n${installers}\ntrue`);
  if (clusters) writeFileSync(join(root, 'clusters'), clusters);
  const hba = (version, cluster) => join(pgEtc, version, cluster, 'pg_hba.conf');
  return {
    run(env, args = []) {
      const result = spawnSync(join(tools, 'bash'), [SCRIPT, ...args], {
        encoding: 'utf8',
        env: { PATH: `${stubs}:${tools}`, PG_ETC: pgEtc, PG_LIB: pgLib, ...env },
      });
      return { ...result, calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
    },
    hba,
    writeHba(version, cluster, text) {
      mkdirSync(join(pgEtc, version, cluster), { recursive: true });
      writeFileSync(hba(version, cluster), text);
    },
  };
}

describe('.ci/services.sh', () => {
  it('installs and starts both on a bare Debian machine as root', async () => {
    const pgPort = await closedPort();
    const redisPort = await closedPort();
    const box = machine();
    const { status, stdout, stderr, calls } = box.run({
      PG_PORT: String(pgPort),
      REDIS_PORT: String(redisPort),
    });
    assert.equal(status, 0, stderr);
    assert.deepEqual(
      calls.filter((call) => !call.startsWith('id') && !call.startsWith('pg_lsclusters')),
      [
        'apt-get update -qq',
        'apt-get install -y -qq postgresql',
        `pg_createcluster --port ${pgPort} 15 main`,
        'pg_ctlcluster --skip-systemctl-redirect 15 main start',
        `pg_isready -q -h 127.0.0.1 -p ${pgPort}`,
        `psql -h 127.0.0.1 -p ${pgPort} -U postgres -d postgres -tAc SELECT 1 FROM pg_database WHERE datname = 'test'`,
        `createdb -h 127.0.0.1 -p ${pgPort} -U postgres test`,
        'apt-get install -y -qq redis-server',
        `redis-server --daemonize yes --bind 127.0.0.1 --port ${redisPort} --save  --appendonly no`,
        `redis-cli -h 127.0.0.1 -p ${redisPort} ping`,
      ],
    );
    assert.equal(
      readFileSync(box.hba('15', 'main'), 'utf8'),
      `host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${DEBIAN_HBA}`,
    );
    assert.match(stdout, /PostgreSQL 15\/main started/);
    assert.match(stdout, /Redis started/);
  });

  it('goes through sudo for what needs root when it is not root, and not for redis-server', async () => {
    const box = machine({ uid: 1000 });
    const { status, stderr, calls } = box.run({
      PG_PORT: String(await closedPort()),
      REDIS_PORT: String(await closedPort()),
    });
    assert.equal(status, 0, stderr);
    const sudo = calls.filter((call) => call.startsWith('sudo ')).map((call) => call.split(' ')[1]);
    assert.deepEqual(sudo, ['apt-get', 'env', 'pg_createcluster', 'sed', 'pg_ctlcluster', 'env']);
    assert.ok(calls.some((call) => call.startsWith('redis-server ')));
    assert.ok(!calls.some((call) => call.startsWith('sudo redis-server')));
  });

  it('reloads a cluster its package already started, so trust applies, and adds trust once', async () => {
    const pgPort = await closedPort();
    const box = machine({
      installed: ['postgresql', 'redis-server'],
      clusters: `16 main ${pgPort} online postgres /var/lib/postgresql/16/main /var/log/x.log\n`,
    });
    box.writeHba('16', 'main', `host all all 127.0.0.1/32 trust\n${DEBIAN_HBA}`);
    const { status, stderr, calls } = box.run({
      PG_PORT: String(pgPort),
      REDIS_PORT: String(await closedPort()),
    });
    assert.equal(status, 0, stderr);
    assert.ok(calls.includes('pg_ctlcluster --skip-systemctl-redirect 16 main reload'));
    assert.ok(!calls.some((call) => call.startsWith('apt-get')));
    assert.equal(
      readFileSync(box.hba('16', 'main'), 'utf8'),
      `host all all 127.0.0.1/32 trust\n${DEBIAN_HBA}`,
    );
  });

  it('leaves servers that answer alone', async () => {
    const pg = await listening();
    const redis = await listening();
    try {
      const box = machine();
      const { status, stdout, calls } = box.run({
        PG_PORT: String(pg.address().port),
        REDIS_PORT: String(redis.address().port),
      });
      assert.equal(status, 0);
      assert.deepEqual(calls, ['id -u']);
      assert.match(stdout, /PostgreSQL answers/);
      assert.match(stdout, /Redis answers/);
    } finally {
      pg.close();
      redis.close();
    }
  });

  it('uses DATABASE_URL and REDIS_URL when set, without looking further', () => {
    const { status, stdout, calls } = machine().run({
      DATABASE_URL: 'postgres://ci@db.internal/test',
      REDIS_URL: 'redis://cache.internal:6379',
    });
    assert.equal(status, 0);
    assert.deepEqual(calls, ['id -u']);
    assert.match(stdout, /DATABASE_URL is set/);
  });

  it('changes nothing in a dry run and says what it would run', async () => {
    const box = machine();
    const { status, stdout, calls } = box.run(
      { PG_PORT: String(await closedPort()), REDIS_PORT: String(await closedPort()) },
      ['--dry-run'],
    );
    assert.equal(status, 0);
    assert.deepEqual(calls, ['id -u']);
    assert.match(stdout, /would run: .*apt-get install -y -qq postgresql/);
    assert.match(stdout, /would run: pg_ctlcluster --skip-systemctl-redirect <version> main start/);
    assert.doesNotMatch(stdout, /started/);
    assert.match(stdout, /would run: redis-server --daemonize yes --bind 127.0.0.1/);
  });

  it('refuses to guess when the clusters there are on other ports', async () => {
    const box = machine({
      installed: ['postgresql', 'redis-server'],
      clusters: '15 main 5433 down postgres /var/lib/postgresql/15/main /var/log/x.log\n',
    });
    const { status, stderr } = box.run({ PG_PORT: String(await closedPort()) });
    assert.equal(status, 1);
    assert.match(stderr, /none on port \d+ \(pg_lsclusters\); move one to \d+ or set DATABASE_URL/);
  });
});
