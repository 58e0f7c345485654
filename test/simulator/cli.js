#!/usr/bin/env node
'use strict';
// Run the Boomi Spaces simulator by hand, e.g. to point an n8n instance or the
// demo at it:  node test/simulator/cli.js [--port 4010] [--latency 0] [--rate 10]
//   [--burst 10] [--throttle-status 503] [--retry-after 1] [--jwt-lifetime 300]
// Defaults follow Boomi's documented limits: 10 requests/s per account, HTTP 503
// when over it, no Retry-After (Boomi documents none), 5-minute JWTs.

const { startSimulator } = require('./index');

const HELP = `Usage: node test/simulator/cli.js [options]

  --port N                 listen port on 127.0.0.1 (default 4010; 0 = random)
  --latency MS             delay added before every response (default 0)
  --field-cost MS          delay per executed top-level field (default 0)
  --rate N                 rate limit, platform calls per second per account (default 10; 0 = off)
  --burst N                token bucket capacity (default: --rate)
  --throttle-status 503|429  status when throttled (default 503)
  --retry-after S          send Retry-After: S when throttled (default: not sent)
  --rate-mode http|field   reject whole requests, or fail only the fields over the limit (default http)
  --jwt-lifetime S         JWT lifetime in seconds (default 300)
  --jwt-format text|json   JWT endpoint answers the token as text or {"token": ...} (default text)
  --error-code-location message|extensions   where error codes go (default message)
  --verbose                log every request
  --help`;

function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`Unexpected argument '${arg}'`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s);
		if (name === 'help' || name === 'verbose') {
			args[name] = true;
			continue;
		}
		const value = inline !== undefined ? inline : argv[++i];
		if (value === undefined) throw new Error(`--${name} needs a value`);
		args[name] = value;
	}
	return args;
}

function number(args, name, fallback) {
	if (args[name] === undefined) return fallback;
	const n = Number(args[name]);
	if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0`);
	return n;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(HELP);
		return;
	}
	const known = new Set(['port', 'latency', 'field-cost', 'rate', 'burst', 'throttle-status', 'retry-after', 'rate-mode',
		'jwt-lifetime', 'jwt-format', 'error-code-location', 'verbose', 'help']);
	for (const name of Object.keys(args)) if (!known.has(name)) throw new Error(`Unknown option --${name}\n\n${HELP}`);

	const rate = number(args, 'rate', 10);
	const sim = await startSimulator({
		port: number(args, 'port', 4010),
		latencyMs: number(args, 'latency', 0),
		fieldCostMs: number(args, 'field-cost', 0),
		jwtLifetimeMs: number(args, 'jwt-lifetime', 300) * 1000,
		jwtFormat: args['jwt-format'] ?? 'text',
		errorCodeLocation: args['error-code-location'] ?? 'message',
		rateLimit:
			rate > 0
				? {
						requestsPerSecond: rate,
						burst: number(args, 'burst', Math.max(1, Math.ceil(rate))),
						status: number(args, 'throttle-status', 503),
						retryAfterSeconds: number(args, 'retry-after', undefined),
						mode: args['rate-mode'] ?? 'http',
					}
				: null,
		onRequest: args.verbose
			? (r) => {
					const tags = [r.throttled && 'throttled', r.fault && 'fault'].filter(Boolean).join(',');
					console.log(
						`${new Date(r.at).toISOString()} ${r.method} ${r.path} ${r.operationName ? `(${r.operationName}) ` : ''}→ ${r.status ?? 'socket destroyed'}${tags ? ` [${tags}]` : ''}`,
					);
				}
			: undefined,
	});

	const d = sim.demo;
	const st = sim.state;
	const rl = sim.options.rateLimit;
	const count = (n, word, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;
	console.log(`Boomi Spaces simulator listening

  base URL     ${sim.url}
  GraphQL URL  ${sim.graphqlUrl}
  auth URL     ${sim.authUrl}   (GET ${sim.authUrl}/auth/jwt/generate/${d.accountId})

Demo credentials
  accountId    ${d.accountId}
  username     ${d.username}
  apiToken     ${d.apiToken}
  spaceGuid    ${d.spaceGuid}

Detachable attachment
  attachmentId ${d.attachmentId}
  instanceId   ${d.instanceId}   (attached to this one environment only, so it works too)
  environment  ${d.environmentId}

More ids (all 22 operations of the Spaces guide are served)
  otherSpaceGuid      ${d.otherSpaceGuid ?? '-'}
  freeAccountGroupId  ${d.freeAccountGroupId ?? '-'}   (spaceCreate)
  integration packs   ${d.multiIntegrationPackId ?? '-'} (MULTI), ${d.singleIntegrationPackId ?? '-'} (SINGLE)
  processId           ${d.processId ?? '-'}
  atomId              ${d.atomId ?? '-'}   (processExecute)
  processSchedulesId  ${d.processSchedulesId ?? '-'}
  envExtensionId      ${d.envExtensionId ?? '-'}   (extensionsUpdate)
  mapExtensionId      ${d.mapExtensionId ?? '-'}   (extendedMappersUpdate)

Data           ${count(st.spaces.length, 'Space')}, ${count(st.integrationPacks.length, 'integration pack')}, ${count(st.instances.length, 'instance')}, ${count(st.environments.length, 'environment')}, ${count(st.attachments.length, 'attachment')}, ${count(st.processes.length, 'process', 'processes')}, ${count(st.executions.length, 'execution record')}
Rate limit     ${rl ? `${rl.requestsPerSecond}/s, burst ${rl.burst}, HTTP ${rl.status}${rl.retryAfterSeconds !== undefined ? `, Retry-After ${rl.retryAfterSeconds}` : ''}, mode ${rl.mode}` : 'off'}
JWT lifetime   ${sim.options.jwtLifetimeMs / 1000} s

Try:
  JWT=$(curl -s -u 'BOOMI_TOKEN.${d.username}:${d.apiToken}' ${sim.authUrl}/auth/jwt/generate/${d.accountId})
  curl -s ${sim.graphqlUrl} -H "Authorization: Bearer $JWT" -H 'Accept: application/json' \\
    -H 'Content-Type: application/json' -H 'SPACE_GUID: ${d.spaceGuid}' \\
    -d '{"query":"mutation { integrationPackInstanceEnvironmentAttachmentUnattach(id: \\"${d.attachmentId}\\") }"}'
  curl -s ${sim.graphqlUrl} -H "Authorization: Bearer $JWT" -H 'Accept: application/json' \\
    -H 'Content-Type: application/json' -H 'SPACE_GUID: ${d.spaceGuid}' \\
    -d '{"query":"{ executionHistory(input: {processId: \\"${d.processId}\\", executionTime: \\"2016-01-31T15:32:00Z\\", status: ERROR}) { executionTime status message } }"}'

Ctrl-C to stop.`);

	const stop = async () => {
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
