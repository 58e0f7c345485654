'use strict';
// The default dataset: one Boomi account with two Spaces (and a spare account
// group to create a third). It contains exactly the instance / environment /
// attachment from the Unattach page's sample response, attached to one
// environment only, so unattaching either by the attachment id or by the
// instance id returns that sample string byte-for-byte.
//
// Seed shape (also what `startSimulator({ seed })` accepts; see normalizeSeed):
//   accounts:          [{ accountId, username, apiToken, name }]   (first = demo account)
//   accountGroups:     [{ id, name, accountId?, integrationPackIds?, accounts?: [{ id, name }] }]
//   spaces:            [{ id (the SPACE_GUID), name, accountId, integrationPackIds?, environmentIds?,
//                         spaceAccounts?, description, createdDate, ..., url, accountGroup, theme? }]
//                      integrationPackIds / environmentIds omitted = everything of the account is visible.
//   integrationPacks:  [{ id, name, description, installationType: 'SINGLE' | 'MULTI',
//                         processes?: [{ name, outcome? }], extensionTemplate?: { connections, processProperties, maps } }]
//   instances:         [{ id, integrationPackId, integrationPackOverrideName, accountId?, extensionGroupId? }]
//   processes:         [{ id, name, integrationPackInstanceId, outcome?: { status, message, runMs, ...counts } }]
//                      omitted = made from each instance's pack `processes` template.
//   environments:      [{ id, name, classification: 'PROD' | 'TEST', accountId?, atoms: [{ id, name }] }]
//   attachments:       [{ id?, integrationPackInstanceId, environmentId, environmentExtensions?,
//                         extensions?, mapExtensions? }]
//                      extensions / mapExtensions omitted = the pack template's defaults (none without one);
//                      a string environmentExtensions is served as is instead.
//   processSchedules:  [{ processId, atomId, schedule: [{ minutes, hours, ... }], retry: { schedule, maxRetry } }]
//                      (a process/atom pair without one has no schedule and retry { schedule: [], maxRetry: 5 })
//   executions:        [{ processId, atomId, status, executionTime, message?, ... }] (see recordExecution in index.js)
//   oauthConnectorDetails: [{ integrationPackInstanceId, envId, processId, connectionId, catalogGuid,
//                         isTokenGenerated, oauthConnectorDetails (JSON text), clientId }]
//   nextInstanceNumber?  (N of the next instance id Install mints)
// accountId omitted on an entity = it belongs to the first account.

const { encodeInstanceId, encodeAttachmentId, decodeInstanceId, stableUuid, encodeEnvExtensionId, encodeMapExtensionId, encodeProcessSchedulesId } = require('./ids');

const ACCOUNT_ID = 'boomi-demo-A1B2C3';

const PACK_ORDER_SYNC = '10123'; // MULTI
const PACK_HR_ONBOARDING = '10456'; // SINGLE
const PACK_INVENTORY = '10789'; // MULTI

const ENV_PROD = '86b413a8-1ebf-4c95-bc5b-139573b77910'; // from the Unattach page's sample
const ENV_TEST = 'c3e1f0d2-7a4b-4f8e-9d61-5b2a8e0c4f17';
const ENV_DEV = '5e7d2c91-0b3f-4a6e-8c24-d19f7a3b6e05';

const ATOM_PROD = 'a7d3f1e9-5c2b-4e80-9f64-1b8c0d2e6a45';
const ATOM_TEST = 'e2b6c8d4-9a1f-4375-8c0e-6d4f2a7b9e13';
const ATOM_DEV = '1f9a4e7c-3b6d-4258-a0e1-8c5d7b2f4e69';

const INSTANCE_ORDER_SYNC_EMEA = encodeInstanceId(34486); // from the sample; attached to Production only
const INSTANCE_HR = encodeInstanceId(34487); // attached to Production and Test
const INSTANCE_INVENTORY_US = encodeInstanceId(34491); // attached to Development only
const INSTANCE_ORDER_SYNC_APAC = encodeInstanceId(34492); // not attached anywhere

const SPACE_MAIN = '8f2c6a1e-4b7d-4e19-a3c5-92d0f6b1e7a4';
const SPACE_PARTNER = '3d9b0e57-c1a8-4f62-8e4b-71a5c2d9f036';

const ACCOUNT_GROUP_MAIN = 'f41a7c3e-2d9b-4e58-a6c1-0b8e5d7f2a93';
const ACCOUNT_GROUP_PARTNER = '9b2e4d61-7f3a-4c08-b5e2-c6a1d8f0e374';
const ACCOUNT_GROUP_EMEA = '0c7b5e29-8d14-4a3f-b6e0-2f9a1c4d7e58'; // no Space yet: spaceCreate can use it

const SPACE_ACCOUNTS = [
	{ id: ACCOUNT_ID, name: 'Demo Company' },
	{ id: 'acme-retail-Q7R8S9', name: 'Acme Retail' },
	{ id: 'globex-logistics-K4L5M6', name: 'Globex Logistics' },
	{ id: 'acme-wholesale-T2U3V4', name: 'Acme Wholesale' },
];

// Component ids (connections, process property components, maps) belong to the pack.
const conn = (pack, name, fields) => ({ id: stableUuid(`connection:${pack}:${name}`), name, fields });
const props = (pack, name, values) => ({
	id: stableUuid(`properties:${pack}:${name}`),
	name,
	values: values.map(([label, encrypted, defaultValue]) => ({ key: stableUuid(`property:${pack}:${name}:${label}`), label, encrypted: Boolean(encrypted), defaultValue })),
});
const profile = (pack, name, xpaths) => ({
	componentId: stableUuid(`profile:${pack}:${name}`),
	nodes: xpaths.map((xpath) => ({ name: xpath.split('/').pop(), xpath })),
});

const PACK_TEMPLATES = {
	[PACK_ORDER_SYNC]: {
		processes: [
			{ name: 'Order Sync - Opportunities to Sales Orders' },
			{ name: 'Order Sync - Fulfillment Status Back-sync' },
		],
		extensionTemplate: {
			connections: [
				conn(PACK_ORDER_SYNC, 'Salesforce', [['url', false, 'https://login.salesforce.com'], ['user'], ['password', true]]),
				conn(PACK_ORDER_SYNC, 'NetSuite', [['account'], ['consumerKey'], ['tokenSecret', true]]),
			],
			processProperties: [props(PACK_ORDER_SYNC, 'Order Sync Settings', [['Batch Size', false, '200'], ['Default Subsidiary'], ['Webhook Secret', true]])],
			maps: [
				{
					processIndex: 0,
					mapId: '17106512345671710651234567',
					name: 'Opportunity to Sales Order',
					source: profile(PACK_ORDER_SYNC, 'Opportunity', ['', '/Opportunity', '/Opportunity/Name', '/Opportunity/Amount', '/Opportunity/CloseDate', '/Opportunity/Region']),
					destination: profile(PACK_ORDER_SYNC, 'SalesOrder', ['', '/SalesOrder', '/SalesOrder/memo', '/SalesOrder/total', '/SalesOrder/tranDate', '/SalesOrder/department']),
					mappings: [
						{ fromXPath: '/Opportunity/Name', toXPath: '/SalesOrder/memo' },
						{ fromXPath: '/Opportunity/Amount', toXPath: '/SalesOrder/total' },
					],
				},
				null, // the back-sync process's map has no extension ("" in environmentMapExtension)
			],
		},
	},
	[PACK_HR_ONBOARDING]: {
		processes: [{ name: 'Onboard New Hires' }],
		extensionTemplate: {
			connections: [
				conn(PACK_HR_ONBOARDING, 'Workday', [['tenant'], ['user'], ['password', true]]),
				conn(PACK_HR_ONBOARDING, 'ServiceNow OAuth', [['instanceUrl'], ['clientId'], ['clientSecret', true]]),
			],
			processProperties: [props(PACK_HR_ONBOARDING, 'Onboarding Settings', [['Default Department', false, 'General'], ['Notify Manager', false, 'true']])],
			maps: [
				{
					processIndex: 0,
					mapId: '17106519876541710651987654',
					name: 'Worker to User',
					source: profile(PACK_HR_ONBOARDING, 'Worker', ['', '/Worker', '/Worker/LegalName', '/Worker/Email', '/Worker/HireDate', '/Worker/Manager']),
					destination: profile(PACK_HR_ONBOARDING, 'User', ['', '/User', '/User/displayName', '/User/mail', '/User/startDate', '/User/manager']),
					mappings: [{ fromXPath: '/Worker/LegalName', toXPath: '/User/displayName' }],
				},
			],
		},
	},
	[PACK_INVENTORY]: {
		// Runs fail in the default seed, so a history poller has errors to find.
		processes: [
			{
				name: 'Replicate Inventory Levels',
				outcome: { status: 'ERROR', message: "Shopify responded 429 Too Many Requests for location 'US-East'", runMs: 1000 },
			},
		],
		extensionTemplate: {
			connections: [conn(PACK_INVENTORY, 'Shopify', [['shopDomain'], ['accessToken', true]])],
			processProperties: [props(PACK_INVENTORY, 'Replication', [['Location Filter', false, '*']])],
			maps: [],
		},
	},
};

/** The processes a new instance of `pack` gets (Install does the same), with stable ids. */
function processesFor(pack, instanceId) {
	const template = (pack && pack.processes) || [];
	return template.map((p, index) => ({
		id: stableUuid(`process:${instanceId}:${index}`),
		name: p.name,
		integrationPackInstanceId: instanceId,
		...(p.outcome ? { outcome: { ...p.outcome } } : {}),
	}));
}

/** Default EnvironmentExtensions state of an attachment (all values at their defaults). */
function extensionsFor(pack) {
	const t = pack && pack.extensionTemplate;
	if (!t) return null;
	return {
		connections: (t.connections || []).map((c) => ({
			id: c.id,
			name: c.name,
			fields: c.fields.map(([id, usesEncryption, defaultValue]) => ({ id, usesEncryption: Boolean(usesEncryption), defaultValue: defaultValue ?? '', useDefault: true, value: undefined })),
		})),
		processProperties: (t.processProperties || []).map((p) => ({
			id: p.id,
			name: p.name,
			values: p.values.map((v) => ({ key: v.key, label: v.label, encrypted: v.encrypted, defaultValue: v.defaultValue ?? '', useDefault: true, value: undefined })),
		})),
	};
}

/** Default map extensions of an attachment: one entry per template map, null = not extensible. */
function mapExtensionsFor(pack, processes) {
	const t = pack && pack.extensionTemplate;
	if (!t || !Array.isArray(t.maps)) return [];
	return t.maps.map((m) =>
		m
			? {
					processId: processes[m.processIndex] ? processes[m.processIndex].id : null,
					mapId: m.mapId,
					name: m.name,
					source: structuredClone(m.source),
					destination: structuredClone(m.destination),
					mappings: m.mappings.map((x) => ({ ...x })),
				}
			: null,
	);
}

function defaultSeed() {
	const integrationPacks = [
		{
			id: PACK_ORDER_SYNC,
			name: 'Salesforce to NetSuite Order Sync',
			description: 'Synchronizes closed-won Salesforce opportunities into NetSuite sales orders.',
			installationType: 'MULTI',
			...structuredClone(PACK_TEMPLATES[PACK_ORDER_SYNC]),
		},
		{
			id: PACK_HR_ONBOARDING,
			name: 'Workday Employee Onboarding',
			description: 'Provisions new Workday hires into Active Directory and ServiceNow.',
			installationType: 'SINGLE',
			...structuredClone(PACK_TEMPLATES[PACK_HR_ONBOARDING]),
		},
		{
			id: PACK_INVENTORY,
			name: 'Shopify Inventory Replication',
			description: 'Replicates inventory levels from the ERP to Shopify storefronts.',
			installationType: 'MULTI',
			...structuredClone(PACK_TEMPLATES[PACK_INVENTORY]),
		},
	];
	const instances = [
		{ id: INSTANCE_ORDER_SYNC_EMEA, integrationPackId: PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - EMEA' },
		{ id: INSTANCE_HR, integrationPackId: PACK_HR_ONBOARDING, integrationPackOverrideName: null },
		{ id: INSTANCE_INVENTORY_US, integrationPackId: PACK_INVENTORY, integrationPackOverrideName: 'Inventory - US Stores' },
		{ id: INSTANCE_ORDER_SYNC_APAC, integrationPackId: PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - APAC' },
	];
	const processes = instances.flatMap((i) => processesFor(integrationPacks.find((p) => p.id === i.integrationPackId), i.id));
	const processOf = (instanceId, index) => processes.filter((p) => p.integrationPackInstanceId === instanceId)[index].id;
	const emeaOrders = processOf(INSTANCE_ORDER_SYNC_EMEA, 0);
	const emeaBackSync = processOf(INSTANCE_ORDER_SYNC_EMEA, 1);
	const hrOnboard = processOf(INSTANCE_HR, 0);
	const inventory = processOf(INSTANCE_INVENTORY_US, 0);
	const weekdays = (minutes, hours) => ({ minutes, hours, daysOfWeek: '2,3,4,5,6', daysOfMonth: '*', months: '*', years: '*' });
	const serviceNow = PACK_TEMPLATES[PACK_HR_ONBOARDING].extensionTemplate.connections[1].id;

	return {
		accounts: [
			{
				accountId: ACCOUNT_ID,
				username: 'admin@example.com',
				apiToken: '7c1e9f42-b3d8-4a6e-91f5-2d0a8c6b4e37',
				name: 'Demo Company',
			},
		],
		accountGroups: [
			{ id: ACCOUNT_GROUP_MAIN, name: 'Customer Integrations Group', integrationPackIds: [PACK_ORDER_SYNC, PACK_HR_ONBOARDING, PACK_INVENTORY], accounts: SPACE_ACCOUNTS },
			{ id: ACCOUNT_GROUP_PARTNER, name: 'Partner Sandbox Group', integrationPackIds: [PACK_HR_ONBOARDING], accounts: [SPACE_ACCOUNTS[0], SPACE_ACCOUNTS[2]] },
			{ id: ACCOUNT_GROUP_EMEA, name: 'EMEA Resellers Group', integrationPackIds: [PACK_ORDER_SYNC, PACK_INVENTORY], accounts: [SPACE_ACCOUNTS[0], SPACE_ACCOUNTS[1], SPACE_ACCOUNTS[3]] },
		],
		spaces: [
			{
				id: SPACE_MAIN,
				name: 'Customer Integrations',
				description: 'Integration packs offered to Demo Company customers',
				accountId: ACCOUNT_ID,
				createdDate: '2024-03-11 09:14:27.0',
				createdByAccountId: ACCOUNT_ID,
				modifiedDate: '2025-01-20 16:02:51.0',
				modifiedByAccountId: ACCOUNT_ID,
				url: `https://platform.boomi.com/BoomiSpaces.html#spaces;guid=${SPACE_MAIN}`,
				accountGroup: { id: ACCOUNT_GROUP_MAIN, name: 'Customer Integrations Group' },
				theme: { logoAltTxt: 'Demo Company', logoUrl: `https://space.boomi.com/logos/${SPACE_MAIN}.svg` },
				spaceAccounts: SPACE_ACCOUNTS,
			},
			{
				id: SPACE_PARTNER,
				name: 'Partner Sandbox',
				description: 'Limited Space for partner testing: HR onboarding pack, Test environment',
				accountId: ACCOUNT_ID,
				createdDate: '2024-09-02 13:40:05.0',
				createdByAccountId: ACCOUNT_ID,
				modifiedDate: '2024-09-02 13:40:05.0',
				modifiedByAccountId: ACCOUNT_ID,
				url: `https://platform.boomi.com/BoomiSpaces.html#spaces;guid=${SPACE_PARTNER}`,
				accountGroup: { id: ACCOUNT_GROUP_PARTNER, name: 'Partner Sandbox Group' },
				integrationPackIds: [PACK_HR_ONBOARDING],
				environmentIds: [ENV_TEST],
				spaceAccounts: [SPACE_ACCOUNTS[0], SPACE_ACCOUNTS[2]],
			},
		],
		integrationPacks,
		instances,
		processes,
		environments: [
			{ id: ENV_PROD, name: 'Production', classification: 'PROD', atoms: [{ id: ATOM_PROD, name: 'Prod Atom Cloud Node' }] },
			{ id: ENV_TEST, name: 'Test', classification: 'TEST', atoms: [{ id: ATOM_TEST, name: 'Test Molecule' }] },
			{ id: ENV_DEV, name: 'Development', classification: 'TEST', atoms: [{ id: ATOM_DEV, name: 'Dev Local Atom' }] },
		],
		attachments: [
			attachment(INSTANCE_ORDER_SYNC_EMEA, ENV_PROD), // = the Unattach page's sample response
			attachment(INSTANCE_HR, ENV_PROD),
			attachment(INSTANCE_HR, ENV_TEST),
			attachment(INSTANCE_INVENTORY_US, ENV_DEV),
		],
		processSchedules: [
			{ processId: emeaOrders, atomId: ATOM_PROD, schedule: [weekdays('0-59/15', '8-18')], retry: { schedule: [weekdays('0-59/5', '8-18')], maxRetry: 3 } },
			{ processId: hrOnboard, atomId: ATOM_PROD, schedule: [{ minutes: '0', hours: '6', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' }], retry: { schedule: [], maxRetry: 5 } },
		],
		executions: [
			execution(emeaOrders, ATOM_PROD, '2025-06-02T08:15:00Z', 'COMPLETE', { inbound: 12, outbound: 12, ms: 4210, inSize: 48213, outSize: 51877 }),
			execution(emeaOrders, ATOM_PROD, '2025-06-02T08:30:00Z', 'ERROR', {
				inbound: 1,
				inboundErrors: 1,
				ms: 5816,
				message: "No data produced from map 'Opportunity to Sales Order', please check source profile and make sure it matches source data.",
			}),
			execution(emeaOrders, ATOM_PROD, '2025-06-02T08:45:00Z', 'COMPLETE_WARN', { inbound: 3, outbound: 2, ms: 3120, inSize: 9120, outSize: 6011, message: '1 document was skipped: missing CloseDate' }),
			execution(emeaBackSync, ATOM_PROD, '2025-06-02T09:00:00Z', 'COMPLETE', { inbound: 5, outbound: 5, ms: 1893, inSize: 7734, outSize: 7120 }),
			execution(hrOnboard, ATOM_PROD, '2025-06-02T06:00:00Z', 'COMPLETE', { inbound: 2, outbound: 4, ms: 6502, inSize: 3310, outSize: 8450 }),
			execution(inventory, ATOM_DEV, '2025-06-02T07:00:00Z', 'ERROR', { ms: 912, executionType: 'exec_manual', message: "Shopify responded 429 Too Many Requests for location 'US-East'" }),
		],
		oauthConnectorDetails: [
			{
				id: '7665cc47-6acf-4e39-82c0-0882149b1d3e',
				integrationPackInstanceId: INSTANCE_HR,
				envId: ENV_PROD,
				processId: hrOnboard,
				connectionId: serviceNow,
				catalogGuid: SPACE_MAIN,
				isTokenGenerated: true,
				oauthConnectorDetails: JSON.stringify({
					baseURL: 'https://demo-company.service-now.com',
					companyId: '9341452451293689',
					clientId: 'servicenow-client-1',
					authParams: { scope: 'useraccount' },
					accessTokenParams: { grant_type: 'authorization_code' },
				}),
				clientId: 'servicenow-client-1',
			},
		],
		nextInstanceNumber: 34493,
	};
}

function attachment(instanceId, environmentId) {
	return {
		id: encodeAttachmentId(instanceId, environmentId),
		integrationPackInstanceId: instanceId,
		environmentId,
		environmentExtensions: null,
	};
}

function execution(processId, atomId, executionTime, status, o = {}) {
	const day = executionTime.slice(0, 10).replace(/-/g, '.');
	return {
		executionId: `execution-${stableUuid(`execution:${processId}:${executionTime}`)}-${day}`,
		processId,
		atomId,
		executionTime,
		status,
		executionType: o.executionType ?? 'exec_sched',
		message: o.message ?? null,
		inboundDocumentCount: o.inbound ?? 0,
		inboundErrorDocumentCount: o.inboundErrors ?? 0,
		outboundDocumentCount: o.outbound ?? 0,
		executionDuration: o.ms ?? 0,
		inboundDocumentSize: o.inSize ?? 0,
		outboundDocumentSize: o.outSize ?? 0,
	};
}

/**
 * Deep-copies a seed and fills what tests may leave out, so a custom seed can
 * be as small as `{ accounts: [...], instances: [...], attachments: [...] }`.
 */
function normalizeSeed(seed) {
	const s = structuredClone(seed);
	for (const key of ['accounts', 'accountGroups', 'spaces', 'integrationPacks', 'instances', 'environments', 'attachments', 'processSchedules', 'executions', 'oauthConnectorDetails']) {
		if (!Array.isArray(s[key])) s[key] = [];
	}
	if (s.accounts.length === 0) throw new Error('simulator seed needs at least one account');
	// Maps, not finds: bulk seeds have tens of thousands of instances and attachments.
	const instancesById = new Map(s.instances.map((i) => [i.id, i]));
	const packsById = new Map(s.integrationPacks.map((p) => [p.id, p]));
	const packOf = (instanceId) => {
		const instance = instancesById.get(instanceId);
		return instance ? packsById.get(instance.integrationPackId) : undefined;
	};
	if (!Array.isArray(s.processes)) s.processes = s.instances.flatMap((i) => processesFor(packOf(i.id), i.id));
	const processesByInstance = new Map();
	for (const p of s.processes) {
		if (!processesByInstance.has(p.integrationPackInstanceId)) processesByInstance.set(p.integrationPackInstanceId, []);
		processesByInstance.get(p.integrationPackInstanceId).push(p);
	}
	for (const i of s.instances) {
		if (i.extensionGroupId === undefined) {
			const first = (processesByInstance.get(i.id) || [])[0];
			i.extensionGroupId = first ? first.id : stableUuid(`extension-group:${i.id}`);
		}
	}
	for (const a of s.attachments) {
		if (a.id === undefined) a.id = encodeAttachmentId(a.integrationPackInstanceId, a.environmentId);
		if (a.environmentExtensions === undefined) a.environmentExtensions = null;
		const pack = packOf(a.integrationPackInstanceId);
		if (a.extensions === undefined) a.extensions = typeof a.environmentExtensions === 'string' ? null : extensionsFor(pack);
		if (a.mapExtensions === undefined) {
			a.mapExtensions = mapExtensionsFor(pack, processesByInstance.get(a.integrationPackInstanceId) || []);
		}
	}
	for (const e of s.environments) if (!Array.isArray(e.atoms)) e.atoms = [];
	for (const x of s.processSchedules) {
		if (x.id === undefined) x.id = encodeProcessSchedulesId(x.atomId, x.processId);
		if (!Array.isArray(x.schedule)) x.schedule = [];
		if (!x.retry) x.retry = { schedule: [], maxRetry: 5 };
	}
	if (typeof s.nextInstanceNumber !== 'number') {
		const used = s.instances.map((i) => decodeInstanceId(i.id)).filter((n) => n !== null);
		s.nextInstanceNumber = used.length ? Math.max(...used) + 1 : 40001;
	}
	return s;
}

/**
 * The ids a demo or a test needs first. The attachment is one that can be
 * detached by either id; process, atom, schedules, extensions and map extension
 * are those of that attachment's instance and environment (undefined when the
 * seed has none).
 */
function demoOf(state) {
	const account = state.accounts[0];
	const owned = (x) => (x.accountId ?? account.accountId) === account.accountId;
	const spaces = state.spaces.filter(owned);
	const space = spaces[0];
	const counts = new Map();
	for (const a of state.attachments) counts.set(a.integrationPackInstanceId, (counts.get(a.integrationPackInstanceId) || 0) + 1);
	const att = state.attachments.find((a) => counts.get(a.integrationPackInstanceId) === 1) ?? state.attachments[0];
	const instance = att ? state.instances.find((i) => i.id === att.integrationPackInstanceId) : undefined;
	const environment = att ? state.environments.find((e) => e.id === att.environmentId) : undefined;
	const process = instance ? (state.processes || []).find((p) => p.integrationPackInstanceId === instance.id) : undefined;
	const atom = environment && environment.atoms[0];
	const mapExtension = att && instance && (att.mapExtensions || []).find(Boolean);
	const usedGroups = new Set(state.spaces.map((s) => s.accountGroup && s.accountGroup.id));
	const freeGroup = (state.accountGroups || []).find((g) => owned(g) && !usedGroups.has(g.id));
	const packs = state.integrationPacks;
	const oauth = (state.oauthConnectorDetails || []).find((o) => state.instances.some((i) => i.id === o.integrationPackInstanceId && owned(i)));
	return {
		accountId: account.accountId,
		username: account.username,
		apiToken: account.apiToken,
		spaceGuid: space ? space.id : undefined,
		attachmentId: att ? att.id : undefined,
		instanceId: att ? att.integrationPackInstanceId : undefined,
		environmentId: att ? att.environmentId : undefined,
		otherSpaceGuid: spaces[1] ? spaces[1].id : undefined,
		freeAccountGroupId: freeGroup ? freeGroup.id : undefined,
		multiIntegrationPackId: (packs.find((p) => p.installationType === 'MULTI') || {}).id,
		singleIntegrationPackId: (packs.find((p) => p.installationType === 'SINGLE') || {}).id,
		processId: process ? process.id : undefined,
		atomId: atom ? atom.id : undefined,
		processSchedulesId: process && atom ? encodeProcessSchedulesId(atom.id, process.id) : undefined,
		envExtensionId: att && instance && att.extensions ? encodeEnvExtensionId(att.environmentId, instance.extensionGroupId) : undefined,
		mapExtensionId: mapExtension ? encodeMapExtensionId(att.environmentId, instance.extensionGroupId, mapExtension.processId, mapExtension.mapId) : undefined,
		// The five keys of saved OAuth connector details (IPackInstanceOAuthConnectorDetails' input).
		oauth: oauth
			? { integrationPackInstanceId: oauth.integrationPackInstanceId, envId: oauth.envId, processId: oauth.processId, connectionId: oauth.connectionId, catalogGuid: oauth.catalogGuid }
			: undefined,
	};
}

module.exports = {
	defaultSeed,
	normalizeSeed,
	demoOf,
	processesFor,
	extensionsFor,
	mapExtensionsFor,
	ids: {
		ACCOUNT_ID,
		SPACE_MAIN,
		SPACE_PARTNER,
		ACCOUNT_GROUP_MAIN,
		ACCOUNT_GROUP_PARTNER,
		ACCOUNT_GROUP_EMEA,
		PACK_ORDER_SYNC,
		PACK_HR_ONBOARDING,
		PACK_INVENTORY,
		ENV_PROD,
		ENV_TEST,
		ENV_DEV,
		ATOM_PROD,
		ATOM_TEST,
		ATOM_DEV,
		INSTANCE_ORDER_SYNC_EMEA,
		INSTANCE_HR,
		INSTANCE_INVENTORY_US,
		INSTANCE_ORDER_SYNC_APAC,
	},
};
