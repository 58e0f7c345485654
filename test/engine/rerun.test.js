// Safe re-runs and dry runs (issue 14): Succeed If Already Done and Dry Run on
// Unattach, Uninstall, Attach and Install, through the n8n engine against the
// simulator. Evidence comes from Integration Pack Instance › Get Many and
// Environment › Get Many, each read at most once per run.
const { bulkSeed, bulkAttachmentIds } = require('../simulator/bulk-seed');
const { encodeAttachmentId, encodeInstanceId, seedIds } = require('../simulator');
const { locator } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine(undefined, { seed: bulkSeed(40) });
const { ENV_PROD, ENV_TEST, ENV_DEV, INSTANCE_HR, INSTANCE_ORDER_SYNC_APAC, PACK_ORDER_SYNC, PACK_HR_ONBOARDING } = seedIds;

const LIST_OPERATIONS = ['ListEnvironments', 'ListIntegrationPackInstances'];
const requestsNamed = (name) => env.graphqlRequests().filter((request) => request.json?.operationName === name);
const listReads = () => Object.fromEntries(LIST_OPERATIONS.map((name) => [name, requestsNamed(name).length]));
const mutationRequests = () => env.graphqlRequests().filter((request) => !LIST_OPERATIONS.includes(request.json?.operationName));
/** How often the simulator applied a change to each id (sim.mutations holds applied changes only). */
const appliedCount = (field, key) => {
	const counts = new Map();
	for (const mutation of env.sim.mutations.filter((m) => m.field === field)) counts.set(key(mutation.args), (counts.get(key(mutation.args)) ?? 0) + 1);
	return counts;
};
/** Each input item's one outcome, in order: `{ json }` or `{ error }` (Continue using error output). */
const outcomes = (result, count) => {
	const byItem = new Array(count);
	for (const item of result.output('Boomi Spaces', 0)) (byItem[item.pairedItem.item] ??= []).push({ json: item.json });
	for (const item of result.output('Boomi Spaces', 1)) (byItem[item.pairedItem.item] ??= []).push({ error: item.error ?? item.json.error });
	return byItem;
};

const unattach = (ids, options = {}, onError = 'continueErrorOutput') =>
	env.runNode({ operation: 'unattach', parameters: { integrationPackInstanceId: locator('={{ $json.id }}'), options }, onError }, ids.map((id) => ({ id })));

describe('Unattach: a re-run after unknown outcomes converges', () => {
	it('success: every item succeeds on the re-run, each detach applied once overall, those applied by the first run marked alreadyDone; an ID that never existed still fails', async () => {
		const ids = bulkAttachmentIds(30);
		// First run: connections dropped and 500s after applying, truncated answers, a connection dropped before applying.
		env.sim.setChaos({ seed: 7, probability: 0.4, kinds: ['error500After', 'resetAfter', 'unreadableAfter', 'resetBefore'] });
		const first = outcomes(await unattach(ids), ids.length);
		env.sim.setChaos(null);
		const unknown = first.flatMap((items, index) => (items[0].error ? [index] : []));
		expect(unknown.length).toBeGreaterThan(3);
		for (const index of unknown) expect(first[index][0].error.description).toMatch(/may or may not have been applied/);
		const appliedByFirst = new Set(env.sim.mutations.map((mutation) => mutation.args.id));
		// Some unknown outcomes were applied, some were not (the connection dropped before applying).
		expect(unknown.some((index) => appliedByFirst.has(ids[index]))).toBe(true);
		expect(unknown.some((index) => !appliedByFirst.has(ids[index]))).toBe(true);

		env.sim.requests.length = 0;
		const never = encodeAttachmentId(encodeInstanceId(99999), ENV_TEST);
		const result = await unattach([...ids, never], { succeedIfAlreadyDone: true });
		env.expectSuccess(result);
		const second = outcomes(result, ids.length + 1);

		ids.forEach((id, index) => {
			const [{ json, error }] = second[index];
			expect([id, error]).toEqual([id, undefined]);
			expect(json).toEqual(expect.objectContaining({ detached: true, id, environmentId: ENV_TEST }));
			if (appliedByFirst.has(id)) {
				expect(json).toEqual(expect.objectContaining({ alreadyDone: true, result: null, boomiCode: 'IPACK_INSTANCE_ID_INVALID', boomiMessage: expect.stringMatching(/was not found/), evidence: expect.stringMatching(/Environment › Get Many lists environment .* without an attachment/) }));
			} else {
				expect(json.alreadyDone).toBeUndefined();
				expect(json.result).toBe(id);
			}
		});
		const [[{ error }]] = second.slice(-1);
		expect(error.message).toMatch(/was not found/);
		expect(error.description).toMatch(/^Item 30: .*Succeed If Already Done checked and the change is not in place: .*does not list instance/);
		// Each detach applied exactly once over both runs.
		const counts = appliedCount('integrationPackInstanceEnvironmentAttachmentUnattach', (args) => args.id);
		expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
		expect(env.sim.state.attachments.filter((a) => a.environmentId === ENV_TEST && ids.includes(a.id))).toEqual([]);
		// The evidence was read once for the whole run, not once per item.
		expect(listReads()).toEqual({ ListEnvironments: 1, ListIntegrationPackInstances: 1 });
	});

	it('Boomi error: without the option, an attachment already detached fails with Boomi’s error as before', async () => {
		const [id] = bulkAttachmentIds(1);
		await unattach([id]);
		env.sim.requests.length = 0;
		const result = await unattach([id], {}, null);
		env.expectBoomiError(result, /was not found/);
		expect(listReads()).toEqual({ ListEnvironments: 0, ListIntegrationPackInstances: 0 });
	});

	it('a whole request Boomi refused (HTTP 400) is judged too; without continue-on-fail an item not done stops the run naming it and what was checked', async () => {
		const [id, other] = bulkAttachmentIds(2);
		await unattach([id]);
		env.sim.injectFault({ operationName: 'UnattachIntegrationPackInstance', status: 400, body: { errors: [{ message: 'Bad request' }] } });
		const [[{ json }]] = outcomes(await unattach([id], { succeedIfAlreadyDone: true }), 1);
		expect(json).toEqual(expect.objectContaining({ detached: true, alreadyDone: true, boomiMessage: 'Bad request' }));

		env.sim.injectFault({ operationName: 'UnattachIntegrationPackInstance', status: 400, body: { errors: [{ message: 'Bad request' }] } });
		const result = await unattach([other], { succeedIfAlreadyDone: true }, null);
		expect(result.status).toBe('error');
		const error = result.nodeError('Boomi Spaces');
		expect(error.message).toBe('Bad request');
		expect(error.description).toMatch(/^Item 0: .*Succeed If Already Done checked and the change is not in place: Environment › Get Many lists this attachment/);
		expect(env.sim.state.attachments.some((attachment) => attachment.id === other)).toBe(true);
	});

	it('with batches and an instance ID: rejected fields of a batch are judged, the others succeed, lists read once', async () => {
		const ids = bulkAttachmentIds(6);
		await unattach([ids[1], ids[4]]);
		env.sim.requests.length = 0;
		const result = await unattach([...ids, INSTANCE_ORDER_SYNC_APAC, 'not-an-id'], { succeedIfAlreadyDone: true, batchSize: 3 });
		const items = outcomes(result, 8);
		expect(items.slice(0, 6).map(([item]) => item.json?.alreadyDone ?? false)).toEqual([false, true, false, false, true, false]);
		// An instance ID (the form Boomi's page names) whose instance is attached nowhere is already detached.
		expect(items[6][0].json).toEqual(expect.objectContaining({ detached: true, alreadyDone: true, integrationPackInstanceId: INSTANCE_ORDER_SYNC_APAC, instanceName: 'Order Sync - APAC', evidence: expect.stringMatching(/attached to no environment/) }));
		expect(items[7][0].error.description).toMatch(/lists no attachment with this ID/);
		expect(listReads()).toEqual({ ListEnvironments: 1, ListIntegrationPackInstances: 1 });
	});
});

describe('Unattach: Dry Run', () => {
	it('sends no mutation, changes nothing, and says what the real run then does', async () => {
		const ids = bulkAttachmentIds(5);
		await unattach([ids[0], ids[3]]);
		env.sim.requests.length = 0;
		env.sim.mutations.length = 0;
		const before = structuredClone(env.sim.state.attachments);
		const never = encodeAttachmentId(encodeInstanceId(99999), ENV_TEST);
		const input = [...ids, never];

		const dry = outcomes(await unattach(input, { dryRun: true, succeedIfAlreadyDone: true }), input.length);
		expect(mutationRequests()).toEqual([]);
		expect(env.sim.mutations).toEqual([]);
		expect(env.sim.state.attachments).toEqual(before);
		expect(listReads()).toEqual({ ListEnvironments: 1, ListIntegrationPackInstances: 1 });
		expect(dry.map(([item]) => item.json.state)).toEqual(['alreadyDone', 'wouldApply', 'wouldApply', 'alreadyDone', 'wouldApply', 'unknownId']);
		expect(dry[1][0].json).toEqual({
			dryRun: true,
			action: 'detach',
			state: 'wouldApply',
			evidence: expect.stringMatching(/^Environment › Get Many lists this attachment/),
			id: ids[1],
			integrationPackInstanceId: encodeInstanceId(50002),
			environmentId: ENV_TEST,
			instanceName: 'Order Sync - Customer 00002',
			environmentName: 'Test',
		});

		// The same workflow, flipped to a real run.
		const real = outcomes(await unattach(input, { succeedIfAlreadyDone: true }), input.length);
		expect(real.map(([item]) => (item.error ? 'unknownId' : item.json.alreadyDone ? 'alreadyDone' : 'wouldApply'))).toEqual(dry.map(([item]) => item.json.state));
	});

	it('bad input fails before any request, as in a real run', async () => {
		const result = await unattach(['', bulkAttachmentIds(1)[0]], { dryRun: true }, null);
		env.expectBadInput(result, 'The Attachment ID is empty');
	});

	it('with continue-on-fail, a bad item gets its error and the others their judgement, in order', async () => {
		const ids = bulkAttachmentIds(2);
		const items = outcomes(await unattach([ids[0], '', ids[1]], { dryRun: true }), 3);
		expect(items.map(([item]) => item.json?.state ?? 'error')).toEqual(['wouldApply', 'error', 'wouldApply']);
		expect(mutationRequests()).toEqual([]);
	});
});

describe('Uninstall', () => {
	const uninstall = (ids, options = {}, onError = 'continueErrorOutput') =>
		env.runNode({ operation: 'uninstall', parameters: { integrationPackInstanceId: locator('={{ $json.id }}'), options }, onError }, ids.map((id) => ({ id })));

	it('an uninstall whose answer was lost is already done on the re-run; an ID not in Boomi’s instance form still fails', async () => {
		env.sim.injectFault({ operationName: 'UninstallIntegrationPackInstance', destroySocket: true, afterApply: true });
		const [first] = outcomes(await uninstall([INSTANCE_ORDER_SYNC_APAC]), 1);
		expect(first[0].error.description).toMatch(/may or may not have been applied/);

		const dry = outcomes(await uninstall([INSTANCE_ORDER_SYNC_APAC, INSTANCE_HR, 'bogus'], { dryRun: true }), 3);
		expect(dry.map(([item]) => item.json.state)).toEqual(['alreadyDone', 'wouldApply', 'unknownId']);
		expect(dry[1][0].json).toEqual(expect.objectContaining({ action: 'uninstall', id: INSTANCE_HR, instanceName: 'Workday Employee Onboarding' }));

		env.sim.mutations.length = 0;
		const items = outcomes(await uninstall([INSTANCE_ORDER_SYNC_APAC, 'bogus'], { succeedIfAlreadyDone: true }), 2);
		expect(items[0][0].json).toEqual(expect.objectContaining({ uninstalled: true, alreadyDone: true, id: INSTANCE_ORDER_SYNC_APAC, result: null, evidence: expect.stringMatching(/no longer lists this ID.*weak evidence/) }));
		expect(items[1][0].error.description).toMatch(/does not have Boomi's instance ID form/);
		expect(env.sim.mutations).toEqual([]);
	});
});

describe('Attach to Environments', () => {
	const attach = (entries, options = {}, onError = 'continueErrorOutput') =>
		env.runNode(
			{
				operation: 'attach',
				parameters: {
					integrationPackInstanceId: locator('={{ $json.instance }}'),
					environmentIds: { environment: [{ environmentId: locator('={{ $json.environments }}') }] },
					options,
				},
				onError,
			},
			entries,
		);

	it('attached everywhere asked is already done (one item per attachment); attached to some stays an error naming them', async () => {
		env.sim.injectFault({ operationName: 'AttachIntegrationPackInstance', status: 500, afterApply: true });
		const [first] = outcomes(await attach([{ instance: INSTANCE_ORDER_SYNC_APAC, environments: [ENV_PROD, ENV_TEST] }]), 1);
		expect(first[0].error.description).toMatch(/may or may not have been applied/);

		const input = [
			{ instance: INSTANCE_ORDER_SYNC_APAC, environments: [ENV_PROD, ENV_TEST] },
			{ instance: INSTANCE_HR, environments: [ENV_TEST, ENV_DEV] },
			{ instance: encodeInstanceId(99999), environments: [ENV_DEV] },
		];
		const dry = outcomes(await attach(input, { dryRun: true }), 3);
		expect(dry.map(([item]) => item.json.state)).toEqual(['alreadyDone', 'partlyDone', 'unknownId']);
		expect(dry[1][0].json).toEqual(expect.objectContaining({ action: 'attach', alreadyAttached: [ENV_TEST], wouldAttach: [ENV_DEV] }));

		env.sim.mutations.length = 0;
		env.sim.requests.length = 0;
		const result = await attach(input, { succeedIfAlreadyDone: true });
		const items = outcomes(result, 3);
		expect(items[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ id: encodeAttachmentId(INSTANCE_ORDER_SYNC_APAC, ENV_PROD), environmentId: ENV_PROD, alreadyDone: true, boomiMessage: expect.stringMatching(/already attached/) }),
			expect.objectContaining({ id: encodeAttachmentId(INSTANCE_ORDER_SYNC_APAC, ENV_TEST), environmentId: ENV_TEST, alreadyDone: true }),
		]);
		expect(items[1][0].error.description).toMatch(new RegExp(`already attached to ${ENV_TEST} but not to ${ENV_DEV}`));
		expect(items[2][0].error.description).toMatch(/does not list instance/);
		expect(env.sim.mutations).toEqual([]);
		expect(listReads()).toEqual({ ListEnvironments: 1, ListIntegrationPackInstances: 1 });
	});
});

describe('Install', () => {
	const install = (entries, options = {}, onError = 'continueErrorOutput') =>
		env.runNode(
			{ operation: 'install', parameters: { integrationPackId: '={{ $json.pack }}', integrationPackOverrideName: '={{ $json.name }}', options }, onError },
			entries,
		);

	it('a multi-install pack under that name, and a single-install pack at all, are already installed: the existing instance is the output', async () => {
		env.sim.injectFault({ operationName: 'InstallIntegrationPack', destroySocket: true, afterApply: true });
		const [first] = outcomes(await install([{ pack: PACK_ORDER_SYNC, name: 'Acme Retail' }]), 1);
		expect(first[0].error.description).toMatch(/may or may not have been applied/);
		const acme = env.sim.state.instances.find((instance) => instance.integrationPackOverrideName === 'Acme Retail');

		const input = [
			{ pack: PACK_ORDER_SYNC, name: 'Acme Retail' },
			{ pack: PACK_HR_ONBOARDING, name: '' },
			{ pack: PACK_ORDER_SYNC, name: 'Globex' },
			{ pack: PACK_ORDER_SYNC, name: '' },
		];
		const dry = outcomes(await install(input, { dryRun: true }), 4);
		expect(dry.map(([item]) => item.json.state)).toEqual(['alreadyDone', 'alreadyDone', 'wouldApply', 'wouldFail']);
		expect(dry[0][0].json).toEqual(expect.objectContaining({ action: 'install', id: acme.id, integrationPackId: PACK_ORDER_SYNC, integrationPackOverrideName: 'Acme Retail' }));

		env.sim.mutations.length = 0;
		const items = outcomes(await install(input, { succeedIfAlreadyDone: true }), 4);
		expect(items[0][0].json).toEqual(expect.objectContaining({ id: acme.id, integrationPackOverrideName: 'Acme Retail', alreadyDone: true }));
		expect(items[1][0].json).toEqual(expect.objectContaining({ id: INSTANCE_HR, integrationPackId: PACK_HR_ONBOARDING, alreadyDone: true, evidence: expect.stringMatching(/single-install/) }));
		expect(items[2][0].json).toEqual(expect.objectContaining({ integrationPackOverrideName: 'Globex' }));
		expect(items[2][0].json.alreadyDone).toBeUndefined();
		expect(items[3][0].error.message).toMatch(/integrationPackOverrideName is required/);
		expect(env.sim.mutations.map((mutation) => mutation.args.input.integrationPackOverrideName)).toEqual(['Globex']);
	});
});

describe('when the lists cannot be read', () => {
	it('Dry Run fails each item with the list’s error; Succeed If Already Done keeps Boomi’s error and says the check failed', async () => {
		const [id] = bulkAttachmentIds(1);
		env.sim.injectFault({ operationName: 'ListEnvironments', status: 400, body: { errors: [{ message: 'SPACE_NOT_FOUND: nope' }] }, times: 10 });
		const dry = outcomes(await unattach([id, id], { dryRun: true }), 2);
		expect(dry.map(([item]) => item.error.description)).toEqual([expect.stringMatching(/^Item 0: Dry Run could not read/), expect.stringMatching(/^Item 1: Dry Run could not read/)]);
		expect(listReads().ListEnvironments).toBe(1);

		await unattach([id]);
		const [[{ error }]] = outcomes(await unattach([id], { succeedIfAlreadyDone: true }), 1);
		expect(error.message).toMatch(/was not found/);
		expect(error.description).toMatch(/could not check whether the change was already in place/);
	});
});
