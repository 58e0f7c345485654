'use strict';
// The simulator's revision-2 fields over real HTTP: success, Boomi-like errors,
// and that the state they change shows in the other fields.
// Run alone: npx jest --globalSetup ./test/simulator/noop-setup.js test/simulator/api.test.js

const { startSimulator, encodeInstanceId } = require('./index');
const { ids: S } = require('./seed');
const { encodeProcessSchedulesId, encodeEnvExtensionId, decodeBase64Unpadded } = require('./ids');
const { gql, ok } = require('./testkit');

let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const processesOf = (instanceId) => sim.state.processes.filter((p) => p.integrationPackInstanceId === instanceId);
const firstError = (r) => r.errors[0] && r.errors[0].message;

describe('seed and demo ids', () => {
	test('demoOf names an id for every operation, in the observed encodings', () => {
		const d = sim.demo;
		const process = processesOf(d.instanceId)[0];
		expect(d).toMatchObject({
			otherSpaceGuid: S.SPACE_PARTNER,
			freeAccountGroupId: S.ACCOUNT_GROUP_EMEA,
			multiIntegrationPackId: S.PACK_ORDER_SYNC,
			singleIntegrationPackId: S.PACK_HR_ONBOARDING,
			processId: process.id,
			atomId: S.ATOM_PROD,
			processSchedulesId: encodeProcessSchedulesId(S.ATOM_PROD, process.id),
			envExtensionId: encodeEnvExtensionId(S.ENV_PROD, process.id),
			oauth: { integrationPackInstanceId: S.INSTANCE_HR, envId: S.ENV_PROD, catalogGuid: S.SPACE_MAIN },
		});
		expect(decodeBase64Unpadded(d.processSchedulesId)).toBe(`CPS${S.ATOM_PROD}:${process.id}`);
		expect(decodeBase64Unpadded(d.mapExtensionId)).toMatch(new RegExp(`^${S.ENV_PROD}:${process.id}:${process.id}:\\d+$`));
		// Stable across runs: derived from labels, not random.
		expect(process.id).toBe(require('./seed').normalizeSeed(require('./seed').defaultSeed()).processes[0].id);
	});

	test('the seed covers SINGLE and MULTI packs, PROD and TEST environments with atoms, schedules, history and OAuth details', () => {
		const st = sim.state;
		expect(new Set(st.integrationPacks.map((p) => p.installationType))).toEqual(new Set(['SINGLE', 'MULTI']));
		expect(new Set(st.environments.map((e) => e.classification))).toEqual(new Set(['PROD', 'TEST']));
		expect(st.environments.every((e) => e.atoms.length > 0)).toBe(true);
		expect(st.accountGroups).toHaveLength(3);
		expect(st.attachments.every((a) => a.extensions)).toBe(true);
		expect(st.processSchedules.length).toBeGreaterThan(0);
		expect(new Set(st.executions.map((x) => x.status))).toEqual(new Set(['COMPLETE', 'ERROR', 'COMPLETE_WARN']));
		expect(st.oauthConnectorDetails).toHaveLength(1);
	});
});

describe('Spaces: spaceCreate, space / Space, spaces, spaceUpdate, spaceDelete', () => {
	const CREATE = `mutation($input: SpaceCreateInput!) { spaceCreate(input: $input) {
		id name description createdDate createdByAccountId modifiedDate modifiedByAccountId url
		accountGroup { id name integrationPacks { id } } sharedIpacks { id installationType } theme { logoAltTxt logoUrl } } }`;

	test('create: a Space for a free account group; it lists its packs and accounts and scopes the SPACE_GUID operations', async () => {
		const input = {
			name: '  EMEA Resellers ',
			description: 'For resellers',
			sharingMode: 'ACCOUNT_GROUP',
			integrationPackIds: [S.PACK_ORDER_SYNC],
			accountGroupId: sim.demo.freeAccountGroupId,
			accountIds: ['acme-retail-Q7R8S9'],
			theme: { logoAltTxt: 'EMEA', logo: null },
		};
		const { spaceCreate: space } = await ok(sim, CREATE, { input }, { space: null });
		expect(space).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			name: 'EMEA Resellers',
			description: 'For resellers',
			createdDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.0$/), // the samples' form
			createdByAccountId: sim.demo.accountId,
			modifiedDate: null,
			modifiedByAccountId: null,
			url: `https://space.boomi.com?guid=${space.id}`,
			accountGroup: { id: S.ACCOUNT_GROUP_EMEA, name: 'EMEA Resellers Group', integrationPacks: [{ id: S.PACK_ORDER_SYNC }, { id: S.PACK_INVENTORY }] },
			sharedIpacks: [{ id: S.PACK_ORDER_SYNC, installationType: 'MULTI' }],
			theme: { logoAltTxt: 'EMEA', logoUrl: null },
		});
		expect(sim.mutations.map((m) => m.field)).toEqual(['spaceCreate']);

		const data = await ok(
			sim,
			`{ spaces { id } space(id: "${space.id}") { name } spaceAccounts { id name } integrationPackInstances { id }
			   spaceArtifactListings(input: {spaceId: "${space.id}"}) { numberOfResults spaceArtifactsData { spaceArtifact { spaceArtifactId } } } }`,
			undefined,
			{ space: space.id },
		);
		expect(data.spaces.map((s) => s.id)).toEqual([S.SPACE_MAIN, S.SPACE_PARTNER, space.id]);
		expect(data.space).toEqual({ name: 'EMEA Resellers' });
		expect(data.spaceAccounts).toEqual([{ id: 'acme-retail-Q7R8S9', name: 'Acme Retail' }]);
		expect(data.integrationPackInstances.map((i) => i.id)).toEqual([S.INSTANCE_ORDER_SYNC_EMEA, S.INSTANCE_ORDER_SYNC_APAC]);
		expect(data.spaceArtifactListings).toEqual({ numberOfResults: 1, spaceArtifactsData: [{ spaceArtifact: { spaceArtifactId: S.PACK_ORDER_SYNC } }] });
	});

	test.each([
		['blank name', 'MISSING_NAME', { name: '   ' }],
		['name too long', 'NAME_IS_LENGTHY', { name: 'x'.repeat(101) }],
		['markup in the name', 'INVALID_NAME', { name: '<b>Space</b>' }],
		['empty accountGroupId', 'MISSING_ACCT_GRP_ID', { accountGroupId: '' }],
		['unknown account group', 'PLATFORM_CALL_ERROR', { accountGroupId: 'nope' }],
		['account group that has a Space', 'SPACE_EXISTS_FOR_ACCT_GRP', { accountGroupId: S.ACCOUNT_GROUP_MAIN }],
		['pack not shared with the group', 'PLATFORM_CALL_ERROR', { integrationPackIds: [S.PACK_HR_ONBOARDING] }],
		['account outside the group', 'PLATFORM_CALL_ERROR', { accountIds: ['globex-logistics-K4L5M6'] }],
		['a logo (multipart upload)', 'LOGO_UPLOAD_ERROR', { theme: { logo: 'file' } }],
	])('create with %s → %s, nothing created', async (_name, code, change) => {
		const input = { name: 'New', accountGroupId: S.ACCOUNT_GROUP_EMEA, ...change };
		const r = await gql(sim, CREATE, { input }, { space: null });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({ spaceCreate: null });
		expect(r.codes).toEqual([code]);
		expect(sim.state.spaces).toHaveLength(2);
		expect(sim.mutations).toHaveLength(0);
	});

	test('missing required input is a validation error (HTTP 400)', async () => {
		const r = await gql(sim, CREATE, { input: { name: 'New' } }, { space: null });
		expect(r.status).toBe(400);
		expect(firstError(r)).toMatch(/accountGroupId/);
	});

	test('space and its deprecated twin Space answer the same; unknown → SPACE_NOT_FOUND', async () => {
		const q = (f, id) => `{ ${f}(id: "${id}") { id name url sharedIpacks { id } theme { logoAltTxt } accountGroup { name } } }`;
		const lower = await ok(sim, q('space', S.SPACE_PARTNER), undefined, { space: null });
		const upper = await ok(sim, q('Space', S.SPACE_PARTNER), undefined, { space: null });
		expect(upper.Space).toEqual(lower.space);
		expect(lower.space).toMatchObject({ sharedIpacks: [{ id: S.PACK_HR_ONBOARDING }], theme: null, accountGroup: { name: 'Partner Sandbox Group' } });
		const r = await gql(sim, q('Space', 'nope'));
		expect(firstError(r)).toBe("SPACE_NOT_FOUND: Space 'nope' was not found");
	});

	test('update: name, description and alt text change, modifiedDate is set; errors leave the Space alone', async () => {
		const UPDATE = 'mutation($input: SpaceUpdateInput!) { spaceUpdate(input: $input) { id name description modifiedDate modifiedByAccountId theme { logoAltTxt logoUrl } } }';
		const { spaceUpdate } = await ok(sim, UPDATE, { input: { id: S.SPACE_MAIN, name: 'Renamed', description: 'New text', theme: { logoAltTxt: 'New alt' } } }, { space: null });
		expect(spaceUpdate).toEqual({
			id: S.SPACE_MAIN,
			name: 'Renamed',
			description: 'New text',
			modifiedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.0$/),
			modifiedByAccountId: sim.demo.accountId,
			theme: { logoAltTxt: 'New alt', logoUrl: `https://space.boomi.com/logos/${S.SPACE_MAIN}.svg` },
		});
		expect((await ok(sim, `{ space(id: "${S.SPACE_MAIN}") { name description } }`)).space).toEqual({ name: 'Renamed', description: 'New text' });
		for (const [input, code] of [
			[{ id: 'nope', name: 'x' }, 'SPACE_NOT_FOUND'],
			[{ id: '', name: 'x' }, 'MISSING_ID'],
			[{ id: S.SPACE_MAIN, name: '' }, 'MISSING_NAME'],
		]) {
			expect((await gql(sim, UPDATE, { input })).codes).toEqual([code]);
		}
		expect(sim.state.spaces[0].name).toBe('Renamed');
	});

	test('delete: true, then the Space is gone everywhere (SPACE_NOT_FOUND) and its account group is free again', async () => {
		const DELETE = 'mutation($id: ID!) { spaceDelete(id: $id) }';
		expect(await ok(sim, DELETE, { id: S.SPACE_PARTNER }, { space: null })).toEqual({ spaceDelete: true });
		let r = await gql(sim, `{ space(id: "${S.SPACE_PARTNER}") { id } }`);
		expect(firstError(r)).toBe(`SPACE_NOT_FOUND: Space '${S.SPACE_PARTNER}' was not found`);
		r = await gql(sim, '{ integrationPackInstances { id } }', undefined, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['SPACE_NOT_FOUND']);
		r = await gql(sim, DELETE, { id: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['SPACE_NOT_FOUND']);
		expect((await gql(sim, DELETE, { id: '' })).codes).toEqual(['MISSING_ID']);
		expect((await ok(sim, '{ spaces { id } }')).spaces).toEqual([{ id: S.SPACE_MAIN }]);
		const created = await ok(sim, CREATE, { input: { name: 'Partner again', accountGroupId: S.ACCOUNT_GROUP_PARTNER } });
		expect(created.spaceCreate.accountGroup.id).toBe(S.ACCOUNT_GROUP_PARTNER);
	});
});

describe('spaceArtifactListings', () => {
	const Q = `query($input: SpaceArtifactListingSearchInput!) { spaceArtifactListings(input: $input) {
		__typename numberOfResults currentPageSize spaceArtifactsData { __typename id spaceId spaceArtifact { spaceArtifactType spaceArtifactId }
		spaceArtifactListingMetaData { catalogArtifactMetaData } submissionStatus { __typename ... on ArtifactSubmissionStatus { spaceArtifactStatus } }
		createdDate lastModifiedDate modifiedByAccountId } } }`;

	test('lists the packs of a Space by spaceId (no SPACE_GUID needed), filters by listing ids', async () => {
		const all = (await ok(sim, Q, { input: { spaceId: S.SPACE_MAIN, spaceArtifactListingType: 'INTEGRATION_PACK' } }, { space: null })).spaceArtifactListings;
		expect(all.numberOfResults).toBe(3);
		expect(all.currentPageSize).toBe(3);
		const listing = all.spaceArtifactsData[0];
		expect(listing).toMatchObject({
			spaceId: S.SPACE_MAIN,
			spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: S.PACK_ORDER_SYNC },
			submissionStatus: { __typename: 'ArtifactSubmissionStatus', spaceArtifactStatus: 'PUBLISHED' },
			createdDate: '2024-03-11T09:14:27Z',
			lastModifiedDate: '2025-01-20T16:02:51Z',
		});
		expect(JSON.parse(listing.spaceArtifactListingMetaData.catalogArtifactMetaData)).toMatchObject({ name: 'Salesforce to NetSuite Order Sync', installationType: 'MULTI' });
		const one = (await ok(sim, Q, { input: { spaceId: S.SPACE_MAIN, spaceArtifactListingIds: [listing.id] } })).spaceArtifactListings;
		expect(one.spaceArtifactsData.map((l) => l.id)).toEqual([listing.id]);
	});

	test('unknown Space → SPACE_NOT_FOUND; a listing of another Space → ARTIFACT_NOT_IN_SPACE', async () => {
		expect((await gql(sim, Q, { input: { spaceId: 'nope' } })).codes).toEqual(['SPACE_NOT_FOUND']);
		const main = (await ok(sim, Q, { input: { spaceId: S.SPACE_MAIN } })).spaceArtifactListings.spaceArtifactsData;
		const r = await gql(sim, Q, { input: { spaceId: S.SPACE_PARTNER, spaceArtifactListingIds: [main[0].id] } });
		expect(firstError(r)).toBe(`ARTIFACT_NOT_IN_SPACE: Listing '${main[0].id}' is not in Space '${S.SPACE_PARTNER}'`);
	});
});

describe('integrationPackInstanceProcesses and processSchedulesUpdate', () => {
	const PROCESSES = `query($id: ID!) { integrationPackInstanceProcesses(integrationPackInstanceId: $id) {
		id name integrationPack { integrationPackId integrationPackInstanceId }
		processSchedules { id processId atomId envId schedule { minutes hours daysOfWeek daysOfMonth months years } retry { schedule { minutes } maxRetry } } } }`;
	const UPDATE = `mutation($s: String!, $id: String!) { processSchedulesUpdate(processSchedules: $s, processSchedulesId: $id) {
		id atomId processId envId schedule { minutes hours daysOfWeek daysOfMonth months years } retry { schedule { minutes hours daysOfMonth } maxRetry } } }`;

	test('processes per deployed atom, schedule ids base64("CPS"+atomId+":"+processId), unscheduled = [] / maxRetry 5', async () => {
		const list = (await ok(sim, PROCESSES, { id: S.INSTANCE_ORDER_SYNC_EMEA })).integrationPackInstanceProcesses;
		const [orders, backSync] = processesOf(S.INSTANCE_ORDER_SYNC_EMEA);
		expect(list).toHaveLength(2);
		expect(list[0]).toEqual({
			id: orders.id,
			name: 'Order Sync - Opportunities to Sales Orders',
			integrationPack: [{ integrationPackId: S.PACK_ORDER_SYNC, integrationPackInstanceId: S.INSTANCE_ORDER_SYNC_EMEA }],
			processSchedules: {
				id: encodeProcessSchedulesId(S.ATOM_PROD, orders.id),
				processId: orders.id,
				atomId: S.ATOM_PROD,
				envId: S.ENV_PROD,
				schedule: [{ minutes: '0-59/15', hours: '8-18', daysOfWeek: '2,3,4,5,6', daysOfMonth: '*', months: '*', years: '*' }],
				retry: { schedule: [{ minutes: '0-59/5' }], maxRetry: 3 },
			},
		});
		expect(list[1].processSchedules).toMatchObject({ processId: backSync.id, schedule: [], retry: { schedule: [], maxRetry: 5 } });
		// HR is attached to Production and Test: one entry per atom; the partner Space sees Test only.
		const hr = (await ok(sim, PROCESSES, { id: S.INSTANCE_HR })).integrationPackInstanceProcesses;
		expect(hr.map((p) => p.processSchedules.atomId)).toEqual([S.ATOM_PROD, S.ATOM_TEST]);
		const partner = (await ok(sim, PROCESSES, { id: S.INSTANCE_HR }, { space: S.SPACE_PARTNER })).integrationPackInstanceProcesses;
		expect(partner.map((p) => p.processSchedules.envId)).toEqual([S.ENV_TEST]);
		// Not attached anywhere: processes without schedules.
		const apac = (await ok(sim, PROCESSES, { id: S.INSTANCE_ORDER_SYNC_APAC })).integrationPackInstanceProcesses;
		expect(apac.map((p) => p.processSchedules)).toEqual([null, null]);
	});

	test('unknown instance → IPACK_INSTANCE_ID_INVALID; outside the Space → IPACK_NOT_FOUND_IN_SPACE', async () => {
		expect(firstError(await gql(sim, PROCESSES, { id: 'ID' }))).toBe("IPACK_INSTANCE_ID_INVALID: Integration pack instance 'ID' was not found");
		expect((await gql(sim, PROCESSES, { id: S.INSTANCE_ORDER_SYNC_EMEA }, { space: S.SPACE_PARTNER })).codes).toEqual(['IPACK_NOT_FOUND_IN_SPACE']);
	});

	test('update takes the Platform API JSON (capitalised Schedule/Retry, "" → "*"), answers lower case, and the processes query shows it', async () => {
		const [, backSync] = processesOf(S.INSTANCE_ORDER_SYNC_EMEA);
		const id = encodeProcessSchedulesId(S.ATOM_PROD, backSync.id);
		const entry = (minutes) => ({ minutes, hours: '8-18', daysOfWeek: '2,3,4,5,6', daysOfMonth: '', months: '', years: '' });
		const json = { Schedule: [entry('0-59/15')], Retry: { Schedule: [entry('0-59/5')], maxRetry: 3 }, processId: backSync.id, atomId: S.ATOM_PROD, id };
		const { processSchedulesUpdate } = await ok(sim, UPDATE, { s: JSON.stringify(json), id });
		const star = (minutes) => ({ minutes, hours: '8-18', daysOfWeek: '2,3,4,5,6', daysOfMonth: '*', months: '*', years: '*' });
		expect(processSchedulesUpdate).toEqual({
			id,
			atomId: S.ATOM_PROD,
			processId: backSync.id,
			envId: S.ENV_PROD,
			schedule: [star('0-59/15')],
			retry: { schedule: [{ minutes: '0-59/5', hours: '8-18', daysOfMonth: '*' }], maxRetry: 3 },
		});
		const list = (await ok(sim, PROCESSES, { id: S.INSTANCE_ORDER_SYNC_EMEA })).integrationPackInstanceProcesses;
		expect(list[1].processSchedules.schedule).toEqual([star('0-59/15')]);
		// Clearing: an empty Schedule list unschedules the process.
		await ok(sim, UPDATE, { s: JSON.stringify({ Schedule: [] }), id });
		expect((await ok(sim, PROCESSES, { id: S.INSTANCE_ORDER_SYNC_EMEA })).integrationPackInstanceProcesses[1].processSchedules.schedule).toEqual([]);
	});

	test.each([
		['JSON that does not parse', '{"Schedule":', 'demo', /^PLATFORM_CALL_ERROR: processSchedules is not valid JSON/],
		['an unknown id', '{"Schedule":[]}', 'nope', /^PLATFORM_CALL_ERROR: ProcessSchedules 'nope' was not found$/],
		['an id differing from processSchedulesId', '{"id":"other"}', 'demo', /differs from processSchedulesId/],
		['a bad expression', '{"Schedule":[{"minutes":"every 5"}]}', 'demo', /is not a valid schedule expression/],
		['maxRetry out of range', '{"Retry":{"Schedule":[],"maxRetry":9}}', 'demo', /maxRetry must be an integer from 1 to 5/],
		['an empty processSchedulesId', '{}', '', /^PLATFORM_CALL_ERROR: processSchedulesId is required$/],
	])('update with %s → PLATFORM_CALL_ERROR, nothing stored', async (_name, s, id, message) => {
		const before = structuredClone(sim.state.processSchedules);
		const r = await gql(sim, UPDATE, { s, id: id === 'demo' ? sim.demo.processSchedulesId : id });
		expect(firstError(r)).toMatch(message);
		expect(sim.state.processSchedules).toEqual(before);
	});
});

describe('processExecute, executionHistory and recordExecution', () => {
	const EXECUTE = 'mutation($input: ProcessExecuteInput!) { processExecute(input: $input) }';
	const HISTORY = `query($input: executionHistoryInput!) { executionHistory(input: $input) {
		executionId originalExecutionId account executionTime status executionType processName atomName atomId
		inboundDocumentCount inboundErrorDocumentCount outboundDocumentCount executionDuration message inboundDocumentSize outboundDocumentSize } }`;
	const history = async (status, processId = sim.demo.processId, executionTime = '2016-01-31T15:32:00Z') =>
		(await ok(sim, HISTORY, { input: { processId, executionTime, status } })).executionHistory;

	test('executionHistory: the seeded ERROR run in the sample shape (["Long","5816"] pairs), executionTime as a lower bound', async () => {
		const errors = await history('ERROR');
		expect(errors).toEqual([
			{
				executionId: expect.stringMatching(/^execution-[0-9a-f-]{36}-2025\.06\.02$/),
				originalExecutionId: null,
				account: sim.demo.accountId,
				executionTime: '2025-06-02T08:30:00Z',
				status: 'ERROR',
				executionType: 'exec_sched',
				processName: 'Order Sync - Opportunities to Sales Orders',
				atomName: 'Prod Atom Cloud Node',
				atomId: S.ATOM_PROD,
				inboundDocumentCount: 1,
				inboundErrorDocumentCount: 1,
				outboundDocumentCount: 0,
				executionDuration: ['Long', '5816'],
				message: "No data produced from map 'Opportunity to Sales Order', please check source profile and make sure it matches source data.",
				inboundDocumentSize: ['Long', '0'],
				outboundDocumentSize: ['Long', '0'],
			},
		]);
		expect((await history('COMPLETE')).map((x) => x.executionTime)).toEqual(['2025-06-02T08:15:00Z']);
		expect(await history('ERROR', sim.demo.processId, '2025-06-02T08:30:01Z')).toEqual([]);
		expect(await history('ERROR', sim.demo.processId, '2025-06-02T08:30:00Z')).toHaveLength(1);
	});

	test('executionHistory errors: bad executionTime, unknown process, process outside the Space', async () => {
		let r = await gql(sim, HISTORY, { input: { processId: sim.demo.processId, executionTime: 'yesterday', status: 'ERROR' } });
		expect(firstError(r)).toBe("PLATFORM_CALL_ERROR: executionTime 'yesterday' is not a date of the form yyyy-MM-dd'T'HH:mm:ss'Z'");
		r = await gql(sim, HISTORY, { input: { processId: 'nope', executionTime: '2016-01-31T15:32:00Z', status: 'ERROR' } });
		expect(firstError(r)).toBe("PLATFORM_CALL_ERROR: Process 'nope' was not found");
		r = await gql(sim, HISTORY, { input: { processId: sim.demo.processId, executionTime: '2016-01-31T15:32:00Z', status: 'ERROR' } }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['IPACK_NOT_FOUND_IN_SPACE']);
		r = await gql(sim, HISTORY, { input: { processId: sim.demo.processId, executionTime: '2016-01-31T15:32:00Z', status: 'FAILED' } });
		expect(r.status).toBe(400); // not an ExecutionHistoryStatus
	});

	test('processExecute answers an ExecutionRequest JSON string; the run is INPROCESS, then ends with the configured outcome', async () => {
		const outcome = sim.setProcessOutcome(sim.demo.processId, { status: 'ERROR', message: 'Salesforce login failed', runMs: 60, inboundDocumentCount: 2 });
		expect(outcome).toMatchObject({ status: 'ERROR', runMs: 60 });
		const started = Date.now() - 1000;
		const { processExecute } = await ok(sim, EXECUTE, { input: { atomId: sim.demo.atomId, processId: sim.demo.processId } });
		const request = JSON.parse(processExecute);
		expect(request).toEqual({
			'@type': 'ExecutionRequest',
			processId: sim.demo.processId,
			atomId: sim.demo.atomId,
			requestId: expect.stringMatching(/^executionrecord-[0-9a-f-]{36}$/),
			recordUrl: `https://platform.boomi.com/api/rest/v1/${sim.demo.accountId}/ExecutionRecord/async/${request.requestId}`,
		});
		expect(Object.keys(request)).toEqual(['@type', 'processId', 'atomId', 'requestId', 'recordUrl']);
		expect(sim.mutations).toEqual([expect.objectContaining({ field: 'processExecute', result: processExecute })]);

		const since = new Date(started).toISOString().replace(/\.\d+Z$/, 'Z');
		const running = await history('INPROCESS', sim.demo.processId, since);
		expect(running).toEqual([expect.objectContaining({ status: 'INPROCESS', executionType: 'exec_manual', atomId: sim.demo.atomId, executionDuration: ['Long', '0'] })]);
		await new Promise((r) => setTimeout(r, 80));
		expect(await history('INPROCESS', sim.demo.processId, since)).toEqual([]);
		const done = await history('ERROR', sim.demo.processId, since);
		expect(done).toEqual([
			expect.objectContaining({
				executionId: running[0].executionId,
				status: 'ERROR',
				message: 'Salesforce login failed',
				executionDuration: ['Long', '60'],
				inboundDocumentCount: 2,
			}),
		]);
	});

	test('default outcome: COMPLETE after runMs; settleExecutions() finishes runs at once', async () => {
		const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
		await ok(sim, EXECUTE, { input: { atomId: sim.demo.atomId, processId: sim.demo.processId } });
		expect(await history('INPROCESS', sim.demo.processId, since)).toHaveLength(1);
		sim.settleExecutions();
		expect(await history('COMPLETE', sim.demo.processId, since)).toEqual([expect.objectContaining({ executionDuration: ['Long', '1000'] })]);
	});

	test.each([
		['an unknown process', () => ({ atomId: sim.demo.atomId, processId: 'nope' }), "PLATFORM_CALL_ERROR: Process 'nope' was not found"],
		['an atom the process is not deployed to', () => ({ atomId: S.ATOM_TEST, processId: sim.demo.processId }), /^PLATFORM_CALL_ERROR: Process '.*' is not deployed to atom/],
		['an empty atomId', () => ({ atomId: '', processId: sim.demo.processId }), 'PLATFORM_CALL_ERROR: atomId is required'],
	])('processExecute with %s → error, no run recorded', async (_name, input, message) => {
		const count = sim.state.executions.length;
		const r = await gql(sim, EXECUTE, { input: input() });
		expect(r.data).toEqual({ processExecute: null });
		if (typeof message === 'string') expect(firstError(r)).toBe(message);
		else expect(firstError(r)).toMatch(message);
		expect(sim.state.executions).toHaveLength(count);
		expect(sim.mutations).toHaveLength(0);
	});

	test('processExecute outside the Space → IPACK_NOT_FOUND_IN_SPACE; the Inventory pack fails by default', async () => {
		const r = await gql(sim, EXECUTE, { input: { atomId: sim.demo.atomId, processId: sim.demo.processId } }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['IPACK_NOT_FOUND_IN_SPACE']);
		const inventory = processesOf(S.INSTANCE_INVENTORY_US)[0];
		await ok(sim, EXECUTE, { input: { atomId: S.ATOM_DEV, processId: inventory.id } });
		sim.settleExecutions();
		const errors = await history('ERROR', inventory.id, '2026-01-01T00:00:00Z');
		expect(errors.at(-1)).toMatchObject({ status: 'ERROR', message: expect.stringMatching(/429/), atomName: 'Dev Local Atom' });
	});

	test('recordExecution injects a record without a request; executionHistory serves it', async () => {
		const record = sim.recordExecution({
			processId: sim.demo.processId,
			status: 'ERROR',
			message: 'Injected failure',
			executionTime: '2030-01-02T03:04:05Z',
			executionDuration: 1234,
			inboundDocumentCount: 7,
		});
		expect(record).toMatchObject({
			executionId: expect.stringMatching(/^execution-[0-9a-f-]{36}-2030\.01\.02$/),
			status: 'ERROR',
			message: 'Injected failure',
			atomId: S.ATOM_PROD, // where the process is deployed
			executionDuration: ['Long', '1234'],
			inboundDocumentCount: 7,
		});
		expect(await history('ERROR', sim.demo.processId, '2030-01-01T00:00:00Z')).toEqual([record]);
		// A Date works as executionTime; defaults: COMPLETE, now.
		const now = sim.recordExecution({ processId: sim.demo.processId, executionTime: new Date('2031-05-06T07:08:09.123Z') });
		expect(now).toMatchObject({ status: 'COMPLETE', executionTime: '2031-05-06T07:08:09Z', executionType: 'exec_sched' });
		expect(() => sim.recordExecution({ processId: 'nope' })).toThrow(/unknown processId/);
		expect(() => sim.recordExecution({ processId: sim.demo.processId, status: 'FAILED' })).toThrow(/status must be one of/);
		expect(() => sim.setProcessOutcome('nope')).toThrow(/unknown processId/);
		// reset() forgets injected records.
		sim.reset();
		expect(await history('ERROR', sim.demo.processId, '2030-01-01T00:00:00Z')).toEqual([]);
	});

	test('destructured methods work', () => {
		const { recordExecution, setProcessOutcome, settleExecutions } = sim;
		expect(recordExecution({ processId: sim.demo.processId }).status).toBe('COMPLETE');
		expect(setProcessOutcome(sim.demo.processId, {}).status).toBe('COMPLETE');
		expect(() => settleExecutions()).not.toThrow();
	});
});

describe('extensions: integrationPackEnvironmentAttachments, extensionsUpdate, extendedMappersUpdate', () => {
	const ATTACHMENTS = 'query($i: String!, $e: [String!]) { integrationPackEnvironmentAttachments(ipackInstanceId: $i, environmentIds: $e) { id environmentExtensions environmentMapExtension } }';
	const UPDATE = 'mutation($input: [ExtensionInput!]!) { extensionsUpdate(input: $input) }';
	const MAPPERS = 'mutation($input: [ExtensionInput!]!) { extendedMappersUpdate(input: $input) }';

	async function extensions(instanceId = sim.demo.instanceId, environmentId = sim.demo.environmentId) {
		const list = (await ok(sim, ATTACHMENTS, { i: instanceId, e: [environmentId] })).integrationPackEnvironmentAttachments;
		return { doc: JSON.parse(list[0].environmentExtensions), maps: list[0].environmentMapExtension };
	}
	const connection = (doc, name) => doc.connections.connection.find((c) => c.name === name);
	const field = (doc, name, id) => connection(doc, name).field.find((f) => f.id === id);

	test('attachments carry EnvironmentExtensions and map extensions as JSON strings like the samples', async () => {
		const { doc, maps } = await extensions();
		expect(doc).toMatchObject({
			'@type': 'EnvironmentExtensions',
			connections: { '@type': 'Connections' },
			processProperties: { '@type': 'OverrideProcessProperties' },
			environmentId: S.ENV_PROD,
			extensionGroupId: sim.demo.processId,
			id: sim.demo.envExtensionId,
		});
		expect(connection(doc, 'Salesforce').field[0]).toEqual({
			'@type': 'Field',
			id: 'url',
			value: 'https://login.salesforce.com',
			encryptedValueSet: false,
			usesEncryption: false,
			componentOverride: false,
			useDefault: true,
		});
		expect(maps).toHaveLength(2);
		expect(maps[1]).toBe(''); // a map without an extension
		const bulk = JSON.parse(maps[0]);
		expect(bulk).toMatchObject({ '@type': 'BulkResult', response: [{ '@type': 'BulkResponse', statusCode: 200, id: sim.demo.mapExtensionId }] });
		expect(bulk.response[0].Result).toMatchObject({ '@type': 'EnvironmentMapExtension', id: sim.demo.mapExtensionId, name: 'Opportunity to Sales Order', Map: { '@type': 'MapExtension' } });
	});

	test('"partial": "true" changes only what is sent; without it everything else goes back to its default', async () => {
		const connections = (list) => ({ '@type': 'Connections', connection: list });
		const salesforce = (fields) => ({ '@type': 'Connection', id: connection(before, 'Salesforce').id, name: 'Salesforce', field: fields });
		const netsuite = (fields) => ({ '@type': 'Connection', id: connection(before, 'NetSuite').id, name: 'NetSuite', field: fields });
		const { doc: before } = await extensions();
		const send = async (extensions) => (await ok(sim, UPDATE, { input: [{ envExtensionId: sim.demo.envExtensionId, extensions: JSON.stringify(extensions) }] })).extensionsUpdate;

		// 1. Full update: NetSuite account and Salesforce user + password.
		let result = await send({
			'@type': 'EnvironmentExtensions',
			connections: connections([
				salesforce([{ id: 'user', value: 'integration@demo.example', useDefault: false }, { id: 'password', value: 's3cret', useDefault: false }]),
				netsuite([{ id: 'account', value: 'TSTDRV123', useDefault: false }]),
			]),
			environmentId: S.ENV_PROD,
			id: sim.demo.envExtensionId,
		});
		expect(result).toHaveLength(1);
		let doc = JSON.parse(result[0]);
		expect(field(doc, 'Salesforce', 'user')).toMatchObject({ value: 'integration@demo.example', useDefault: false });
		expect(field(doc, 'Salesforce', 'password')).toEqual({ '@type': 'Field', id: 'password', encryptedValueSet: true, usesEncryption: true, componentOverride: false, useDefault: false });
		expect(field(doc, 'NetSuite', 'account')).toMatchObject({ value: 'TSTDRV123' });

		// 2. Partial: only the Salesforce user changes; NetSuite account and the password stay.
		result = await send({ partial: 'true', connections: connections([salesforce([{ id: 'user', value: 'ops@demo.example', useDefault: false }])]) });
		doc = JSON.parse(result[0]);
		expect(field(doc, 'Salesforce', 'user').value).toBe('ops@demo.example');
		expect(field(doc, 'NetSuite', 'account').value).toBe('TSTDRV123');
		expect(field(doc, 'Salesforce', 'password').encryptedValueSet).toBe(true);

		// 3. The same without partial: what is not sent is reset to default / empty.
		result = await send({ connections: connections([salesforce([{ id: 'user', value: 'ops@demo.example', useDefault: false }])]) });
		doc = JSON.parse(result[0]);
		expect(field(doc, 'Salesforce', 'user').value).toBe('ops@demo.example');
		expect(field(doc, 'NetSuite', 'account')).toMatchObject({ useDefault: true });
		expect(field(doc, 'NetSuite', 'account').value).toBeUndefined();
		expect(field(doc, 'Salesforce', 'password')).toMatchObject({ encryptedValueSet: false, useDefault: true });

		// The query shows the stored state.
		const { doc: after } = await extensions();
		expect(after).toEqual(doc);
	});

	test('process properties: values set by key, encrypted ones read "[[HIDDEN]]"', async () => {
		const { doc: before } = await extensions();
		const component = before.processProperties.ProcessProperty[0];
		const key = (label) => component.ProcessPropertyValue.find((v) => v.label === label).key;
		const sent = {
			partial: 'true',
			processProperties: {
				ProcessProperty: [{ id: component.id, ProcessPropertyValue: [{ key: key('Batch Size'), value: '50', useDefault: false }, { key: key('Webhook Secret'), value: 'hush', useDefault: false }] }],
			},
		};
		const [json] = (await ok(sim, UPDATE, { input: [{ envExtensionId: sim.demo.envExtensionId, extensions: JSON.stringify(sent) }] })).extensionsUpdate;
		const values = JSON.parse(json).processProperties.ProcessProperty[0].ProcessPropertyValue;
		expect(values.find((v) => v.label === 'Batch Size')).toMatchObject({ value: '50', useDefault: false, encryptedValueSet: false });
		expect(values.find((v) => v.label === 'Webhook Secret')).toMatchObject({ value: '[[HIDDEN]]', encryptedValueSet: true, useDefault: false });
		expect(values.find((v) => v.label === 'Default Subsidiary')).toMatchObject({ value: '', useDefault: true });
	});

	test.each([
		['an unknown envExtensionId', () => [{ envExtensionId: 'nope', extensions: '{}' }], /^PLATFORM_CALL_ERROR: EnvironmentExtensions 'nope' was not found$/],
		['JSON that does not parse', () => [{ envExtensionId: sim.demo.envExtensionId, extensions: '{"partial":' }], /^PLATFORM_CALL_ERROR: input\[0\]\.extensions is not valid JSON/],
		['an unknown connection', () => [{ envExtensionId: sim.demo.envExtensionId, extensions: '{"connections":{"connection":[{"id":"x","field":[]}]}}' }], /Connection 'x' is not extensible/],
		['another environment in the document', () => [{ envExtensionId: sim.demo.envExtensionId, extensions: `{"environmentId":"${S.ENV_TEST}"}` }], /extensions\.environmentId .* does not match/],
		['a good and a bad item (all or nothing)', () => [{ envExtensionId: sim.demo.envExtensionId, extensions: '{}' }, { envExtensionId: 'nope', extensions: '{}' }], /'nope' was not found/],
		['an empty list', () => [], /at least one ExtensionInput/],
	])('extensionsUpdate with %s → PLATFORM_CALL_ERROR, nothing changed', async (_name, input, message) => {
		const before = structuredClone(sim.state.attachments);
		const r = await gql(sim, UPDATE, { input: input() });
		expect(r.data).toEqual({ extensionsUpdate: null });
		expect(firstError(r)).toMatch(message);
		expect(sim.state.attachments).toEqual(before);
	});

	test('extensionsUpdate outside the Space → IPACK_NOT_FOUND_IN_SPACE / ARTIFACT_NOT_IN_SPACE', async () => {
		let r = await gql(sim, UPDATE, { input: [{ envExtensionId: sim.demo.envExtensionId, extensions: '{}' }] }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['IPACK_NOT_FOUND_IN_SPACE']);
		const hrProd = JSON.parse((await ok(sim, ATTACHMENTS, { i: S.INSTANCE_HR, e: [S.ENV_PROD] })).integrationPackEnvironmentAttachments[0].environmentExtensions).id;
		r = await gql(sim, UPDATE, { input: [{ envExtensionId: hrProd, extensions: '{}' }] }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['ARTIFACT_NOT_IN_SPACE']);
	});

	test('extendedMappersUpdate replaces the extended mappings; the attachment query shows them', async () => {
		const doc = {
			'@type': 'EnvironmentMapExtension',
			Map: {
				'@type': 'MapExtension',
				ExtendedMappings: {
					'@type': 'MapExtensionsExtendedMappings',
					Mapping: [
						{ '@type': 'MapExtensionsMapping', fromXPath: '/Opportunity/Region', toXPath: '/SalesOrder/department' },
						{ '@type': 'MapExtensionsMapping', fromXPath: '/Opportunity/CloseDate', toXPath: '/SalesOrder/tranDate' },
					],
				},
			},
			id: sim.demo.mapExtensionId,
		};
		const [json] = (await ok(sim, MAPPERS, { input: [{ envExtensionId: sim.demo.mapExtensionId, extensions: JSON.stringify(doc) }] })).extendedMappersUpdate;
		const result = JSON.parse(json);
		expect(result).toMatchObject({ '@type': 'EnvironmentMapExtension', id: sim.demo.mapExtensionId, environmentId: S.ENV_PROD, processId: sim.demo.processId, mapId: '17106512345671710651234567' });
		expect(result.Map.ExtendedMappings.Mapping.map((m) => m.toXPath)).toEqual(['/SalesOrder/department', '/SalesOrder/tranDate']);
		const { maps } = await extensions();
		expect(JSON.parse(maps[0]).response[0].Result).toEqual(result);
	});

	test.each([
		['an unknown id', () => ({ envExtensionId: 'nope', extensions: '{"Map":{}}' }), /EnvironmentMapExtension 'nope' was not found/],
		['no Map', () => ({ envExtensionId: sim.demo.mapExtensionId, extensions: '{}' }), /has no Map/],
		['a source path not in the profile', () => ({ envExtensionId: sim.demo.mapExtensionId, extensions: '{"Map":{"ExtendedMappings":{"Mapping":[{"fromXPath":"/Nope","toXPath":"/SalesOrder/memo"}]}}}' }), /fromXPath '\/Nope' is not in the source profile/],
	])('extendedMappersUpdate with %s → PLATFORM_CALL_ERROR', async (_name, item, message) => {
		const r = await gql(sim, MAPPERS, { input: [item()] });
		expect(firstError(r)).toMatch(message);
		expect(r.codes).toEqual(['PLATFORM_CALL_ERROR']);
	});
});

describe('OAuth connector details', () => {
	const GET = 'query($input: IPackInstanceOAuthConnectorDetailsInput!) { IPackInstanceOAuthConnectorDetails(input: $input) { id integrationPackInstanceId envId isTokenGenerated connectionId processId oauthConnectorDetails catalogGuid } }';
	const SAVE = 'mutation($input: SaveIPackInstanceOauthConnectorDetailsInput!) { saveIPackInstanceOauthConnectorDetails(input: $input) { id integrationPackInstanceId envId isTokenGenerated connectionId processId oauthConnectorDetails catalogGuid } }';
	const details = JSON.stringify({ baseURL: 'https://baseURL.com', companyId: '9341452451223689', clientId: 'A', authParams: { key: 'value' }, accessTokenParams: { key: 'value' } });

	test('the seeded record; saving for another environment creates one, saving again updates it; the secret is never kept', async () => {
		const seeded = (await ok(sim, GET, { input: sim.demo.oauth })).IPackInstanceOAuthConnectorDetails;
		expect(seeded).toMatchObject({ ...sim.demo.oauth, isTokenGenerated: true });
		expect(JSON.parse(seeded.oauthConnectorDetails)).toMatchObject({ baseURL: 'https://demo-company.service-now.com' });

		const key = { ...sim.demo.oauth, envId: S.ENV_TEST };
		expect((await ok(sim, GET, { input: key })).IPackInstanceOAuthConnectorDetails).toBeNull();
		const saved = (await ok(sim, SAVE, { input: { ...key, isTokenGenerated: false, oauthConnectorDetails: details, clientId: 'A', clientSecret: 'real-secret' } }))
			.saveIPackInstanceOauthConnectorDetails;
		expect(saved).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...key, isTokenGenerated: false, oauthConnectorDetails: details });
		expect((await ok(sim, GET, { input: key })).IPackInstanceOAuthConnectorDetails).toEqual(saved);
		const again = (await ok(sim, SAVE, { input: { ...key, isTokenGenerated: true, oauthConnectorDetails: details, clientId: 'A', clientSecret: 'other' } }))
			.saveIPackInstanceOauthConnectorDetails;
		expect(again).toEqual({ ...saved, isTokenGenerated: true });
		expect(sim.state.oauthConnectorDetails).toHaveLength(2);
		expect(JSON.stringify(sim.state)).not.toMatch(/real-secret|"other"/);
		expect(sim.state.oauthConnectorDetails[1].clientSecret).toBe('dummyClientSecret');
	});

	test.each([
		['catalogGuid of another Space', 'SPACE_NOT_FOUND', { catalogGuid: S.SPACE_PARTNER }],
		['an unknown instance', 'IPACK_INSTANCE_ID_INVALID', { integrationPackInstanceId: encodeInstanceId(1) }],
		['an environment the instance is not attached to', 'PLATFORM_CALL_ERROR', { envId: S.ENV_DEV }],
		['a process of another instance', 'PLATFORM_CALL_ERROR', { processId: 'nope' }],
		['a connection the pack does not have', 'PLATFORM_CALL_ERROR', { connectionId: 'nope' }],
		['an empty connectionId', 'GENERIC_SYSTEM_ERROR', { connectionId: '' }],
		['oauthConnectorDetails that is not JSON', 'GENERIC_SYSTEM_ERROR', { oauthConnectorDetails: 'nope' }],
		['an empty clientSecret', 'GENERIC_SYSTEM_ERROR', { clientSecret: '' }],
	])('save with %s → %s, nothing stored', async (_name, code, change) => {
		const input = { ...sim.demo.oauth, envId: S.ENV_TEST, isTokenGenerated: false, oauthConnectorDetails: details, clientId: 'A', clientSecret: 'B', ...change };
		const r = await gql(sim, SAVE, { input });
		expect(r.codes).toEqual([code]);
		expect(sim.state.oauthConnectorDetails).toHaveLength(1);
	});

	test('get outside the Space → ARTIFACT_NOT_IN_SPACE (environment), IPACK_NOT_FOUND_IN_SPACE (instance) or SPACE_NOT_FOUND (catalogGuid)', async () => {
		// The partner Space has the HR pack but not the Production environment.
		let r = await gql(sim, GET, { input: { ...sim.demo.oauth, catalogGuid: S.SPACE_PARTNER } }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['ARTIFACT_NOT_IN_SPACE']);
		r = await gql(sim, GET, { input: { ...sim.demo.oauth, integrationPackInstanceId: S.INSTANCE_ORDER_SYNC_EMEA, catalogGuid: S.SPACE_PARTNER } }, { space: S.SPACE_PARTNER });
		expect(r.codes).toEqual(['IPACK_NOT_FOUND_IN_SPACE']);
		expect((await gql(sim, GET, { input: { ...sim.demo.oauth, catalogGuid: S.SPACE_PARTNER } })).codes).toEqual(['SPACE_NOT_FOUND']);
	});
});

describe('lifecycle across fields', () => {
	test('install → processes; attach → default extensions and schedules on the new atom; execute there; uninstall → gone, history stays', async () => {
		const install = await ok(
			sim,
			`mutation { integrationPackInstanceInstall(input: {integrationPackId: "${S.PACK_INVENTORY}", integrationPackOverrideName: "Inventory - EU"}) { id } }`,
			undefined,
			{ space: null },
		);
		const id = install.integrationPackInstanceInstall.id;
		const [process] = processesOf(id);
		expect(process).toMatchObject({ name: 'Replicate Inventory Levels', outcome: { status: 'ERROR' } });
		const attach = await ok(
			sim,
			`mutation { integrationPackInstanceEnvironmentAttachmentAttach(input: {integrationPackInstanceId: "${id}", environmentIds: ["${S.ENV_TEST}"]}) { id environmentExtensions } }`,
		);
		expect(attach.integrationPackInstanceEnvironmentAttachmentAttach[0].environmentExtensions).toBeNull(); // as the Attach sample
		const list = (await ok(sim, `{ integrationPackEnvironmentAttachments(ipackInstanceId: "${id}") { environmentExtensions } }`)).integrationPackEnvironmentAttachments;
		expect(JSON.parse(list[0].environmentExtensions)).toMatchObject({ environmentId: S.ENV_TEST, extensionGroupId: process.id });
		const processes = (await ok(sim, `{ integrationPackInstanceProcesses(integrationPackInstanceId: "${id}") { id processSchedules { id atomId } } }`)).integrationPackInstanceProcesses;
		expect(processes).toEqual([{ id: process.id, processSchedules: { id: encodeProcessSchedulesId(S.ATOM_TEST, process.id), atomId: S.ATOM_TEST } }]);
		await ok(sim, `mutation { processExecute(input: {atomId: "${S.ATOM_TEST}", processId: "${process.id}"}) }`);
		await ok(sim, `mutation { integrationPackInstanceUninstall(id: "${id}") }`);
		expect(processesOf(id)).toEqual([]);
		const r = await gql(sim, `{ integrationPackInstanceProcesses(integrationPackInstanceId: "${id}") { id } }`);
		expect(r.codes).toEqual(['IPACK_INSTANCE_ID_INVALID']);
		expect(sim.state.executions.filter((x) => x.processId === process.id)).toHaveLength(1);
		expect(sim.mutations.map((m) => m.field)).toEqual([
			'integrationPackInstanceInstall',
			'integrationPackInstanceEnvironmentAttachmentAttach',
			'processExecute',
			'integrationPackInstanceUninstall',
		]);
	});

	test('new fields go through the same per-field machinery: field faults and field-mode rate limiting', async () => {
		sim.injectFault({ field: 'extensionsUpdate', fieldError: { code: 'PLATFORM_CALL_ERROR', message: 'boom' } });
		const r = await gql(sim, 'mutation($i: [ExtensionInput!]!) { extensionsUpdate(input: $i) }', { i: [{ envExtensionId: sim.demo.envExtensionId, extensions: '{}' }] });
		expect(firstError(r)).toBe('PLATFORM_CALL_ERROR: boom');
		sim.setOptions({ rateLimit: { requestsPerSecond: 0.01, burst: 1, mode: 'field' } });
		try {
			const two = await gql(sim, `{ a: spaces { id } b: executionHistory(input: {processId: "${sim.demo.processId}", executionTime: "2016-01-31T15:32:00Z", status: ERROR}) { executionId } }`);
			expect(two.status).toBe(200);
			expect(two.errors.map((e) => e.path[0])).toEqual(['b']);
		} finally {
			sim.setOptions({ rateLimit: null });
		}
	});
});
