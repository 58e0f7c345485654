'use strict';
// The default dataset: one Boomi account with two Spaces. It contains exactly
// the instance / environment / attachment from the Unattach page's sample
// response, attached to one environment only, so unattaching either by the
// attachment id or by the instance id returns that sample string byte-for-byte.
//
// Seed shape (also what `startSimulator({ seed })` accepts; see normalizeSeed):
//   accounts:          [{ accountId, username, apiToken, name }]   (first = demo account)
//   spaces:            [{ id (the SPACE_GUID), name, accountId, integrationPackIds?, environmentIds?,
//                         spaceAccounts?, description, createdDate, ..., url, accountGroup }]
//                      integrationPackIds / environmentIds omitted = everything of the account is visible.
//   integrationPacks:  [{ id, name, description, installationType: 'SINGLE' | 'MULTI' }]
//   instances:         [{ id, integrationPackId, integrationPackOverrideName, accountId? }]
//   environments:      [{ id, name, classification: 'PROD' | 'TEST', accountId?, atoms: [{ id, name }] }]
//   attachments:       [{ id?, integrationPackInstanceId, environmentId, environmentExtensions? }]
//   nextInstanceNumber?  (N of the next instance id Install mints)
// accountId omitted on an entity = it belongs to the first account.

const { encodeInstanceId, encodeAttachmentId, decodeInstanceId } = require('./ids');

const ACCOUNT_ID = 'boomi-demo-A1B2C3';

const PACK_ORDER_SYNC = '10123'; // MULTI
const PACK_HR_ONBOARDING = '10456'; // SINGLE
const PACK_INVENTORY = '10789'; // MULTI

const ENV_PROD = '86b413a8-1ebf-4c95-bc5b-139573b77910'; // from the Unattach page's sample
const ENV_TEST = 'c3e1f0d2-7a4b-4f8e-9d61-5b2a8e0c4f17';
const ENV_DEV = '5e7d2c91-0b3f-4a6e-8c24-d19f7a3b6e05';

const INSTANCE_ORDER_SYNC_EMEA = encodeInstanceId(34486); // from the sample; attached to Production only
const INSTANCE_HR = encodeInstanceId(34487); // attached to Production and Test
const INSTANCE_INVENTORY_US = encodeInstanceId(34491); // attached to Development only
const INSTANCE_ORDER_SYNC_APAC = encodeInstanceId(34492); // not attached anywhere

const SPACE_MAIN = '8f2c6a1e-4b7d-4e19-a3c5-92d0f6b1e7a4';
const SPACE_PARTNER = '3d9b0e57-c1a8-4f62-8e4b-71a5c2d9f036';

const SPACE_ACCOUNTS = [
	{ id: ACCOUNT_ID, name: 'Demo Company' },
	{ id: 'acme-retail-Q7R8S9', name: 'Acme Retail' },
	{ id: 'globex-logistics-K4L5M6', name: 'Globex Logistics' },
	{ id: 'acme-wholesale-T2U3V4', name: 'Acme Wholesale' },
];

function defaultSeed() {
	return {
		accounts: [
			{
				accountId: ACCOUNT_ID,
				username: 'admin@example.com',
				apiToken: '7c1e9f42-b3d8-4a6e-91f5-2d0a8c6b4e37',
				name: 'Demo Company',
			},
		],
		spaces: [
			{
				id: SPACE_MAIN,
				name: 'Customer Integrations',
				description: 'Integration packs offered to Demo Company customers',
				accountId: ACCOUNT_ID,
				createdDate: '2024-03-11T09:14:27Z',
				createdByAccountId: ACCOUNT_ID,
				modifiedDate: '2025-01-20T16:02:51Z',
				modifiedByAccountId: ACCOUNT_ID,
				url: `https://platform.boomi.com/BoomiSpaces.html#spaces;guid=${SPACE_MAIN}`,
				accountGroup: { id: 'f41a7c3e-2d9b-4e58-a6c1-0b8e5d7f2a93', name: 'Customer Integrations Group' },
				spaceAccounts: SPACE_ACCOUNTS,
			},
			{
				id: SPACE_PARTNER,
				name: 'Partner Sandbox',
				description: 'Limited Space for partner testing: HR onboarding pack, Test environment',
				accountId: ACCOUNT_ID,
				createdDate: '2024-09-02T13:40:05Z',
				createdByAccountId: ACCOUNT_ID,
				modifiedDate: '2024-09-02T13:40:05Z',
				modifiedByAccountId: ACCOUNT_ID,
				url: `https://platform.boomi.com/BoomiSpaces.html#spaces;guid=${SPACE_PARTNER}`,
				accountGroup: { id: '9b2e4d61-7f3a-4c08-b5e2-c6a1d8f0e374', name: 'Partner Sandbox Group' },
				integrationPackIds: [PACK_HR_ONBOARDING],
				environmentIds: [ENV_TEST],
				spaceAccounts: [SPACE_ACCOUNTS[0], SPACE_ACCOUNTS[2]],
			},
		],
		integrationPacks: [
			{
				id: PACK_ORDER_SYNC,
				name: 'Salesforce to NetSuite Order Sync',
				description: 'Synchronizes closed-won Salesforce opportunities into NetSuite sales orders.',
				installationType: 'MULTI',
			},
			{
				id: PACK_HR_ONBOARDING,
				name: 'Workday Employee Onboarding',
				description: 'Provisions new Workday hires into Active Directory and ServiceNow.',
				installationType: 'SINGLE',
			},
			{
				id: PACK_INVENTORY,
				name: 'Shopify Inventory Replication',
				description: 'Replicates inventory levels from the ERP to Shopify storefronts.',
				installationType: 'MULTI',
			},
		],
		instances: [
			{ id: INSTANCE_ORDER_SYNC_EMEA, integrationPackId: PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - EMEA' },
			{ id: INSTANCE_HR, integrationPackId: PACK_HR_ONBOARDING, integrationPackOverrideName: null },
			{ id: INSTANCE_INVENTORY_US, integrationPackId: PACK_INVENTORY, integrationPackOverrideName: 'Inventory - US Stores' },
			{ id: INSTANCE_ORDER_SYNC_APAC, integrationPackId: PACK_ORDER_SYNC, integrationPackOverrideName: 'Order Sync - APAC' },
		],
		environments: [
			{
				id: ENV_PROD,
				name: 'Production',
				classification: 'PROD',
				atoms: [{ id: 'a7d3f1e9-5c2b-4e80-9f64-1b8c0d2e6a45', name: 'Prod Atom Cloud Node' }],
			},
			{
				id: ENV_TEST,
				name: 'Test',
				classification: 'TEST',
				atoms: [{ id: 'e2b6c8d4-9a1f-4375-8c0e-6d4f2a7b9e13', name: 'Test Molecule' }],
			},
			{
				id: ENV_DEV,
				name: 'Development',
				classification: 'TEST',
				atoms: [{ id: '1f9a4e7c-3b6d-4258-a0e1-8c5d7b2f4e69', name: 'Dev Local Atom' }],
			},
		],
		attachments: [
			attachment(INSTANCE_ORDER_SYNC_EMEA, ENV_PROD), // = the Unattach page's sample response
			attachment(INSTANCE_HR, ENV_PROD),
			attachment(INSTANCE_HR, ENV_TEST),
			attachment(INSTANCE_INVENTORY_US, ENV_DEV),
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

/**
 * Deep-copies a seed and fills what tests may leave out, so a custom seed can
 * be as small as `{ accounts: [...], instances: [...], attachments: [...] }`.
 */
function normalizeSeed(seed) {
	const s = structuredClone(seed);
	for (const key of ['accounts', 'spaces', 'integrationPacks', 'instances', 'environments', 'attachments']) {
		if (!Array.isArray(s[key])) s[key] = [];
	}
	if (s.accounts.length === 0) throw new Error('simulator seed needs at least one account');
	for (const a of s.attachments) {
		if (a.id === undefined) a.id = encodeAttachmentId(a.integrationPackInstanceId, a.environmentId);
		if (a.environmentExtensions === undefined) a.environmentExtensions = null;
	}
	for (const e of s.environments) if (!Array.isArray(e.atoms)) e.atoms = [];
	if (typeof s.nextInstanceNumber !== 'number') {
		const used = s.instances.map((i) => decodeInstanceId(i.id)).filter((n) => n !== null);
		s.nextInstanceNumber = used.length ? Math.max(...used) + 1 : 40001;
	}
	return s;
}

/** The ids a demo or a test needs first; the attachment is one that can be detached by either id. */
function demoOf(state) {
	const account = state.accounts[0];
	const owned = (x) => (x.accountId ?? account.accountId) === account.accountId;
	const space = state.spaces.find(owned);
	const counts = new Map();
	for (const a of state.attachments) counts.set(a.integrationPackInstanceId, (counts.get(a.integrationPackInstanceId) || 0) + 1);
	const att = state.attachments.find((a) => counts.get(a.integrationPackInstanceId) === 1) ?? state.attachments[0];
	return {
		accountId: account.accountId,
		username: account.username,
		apiToken: account.apiToken,
		spaceGuid: space ? space.id : undefined,
		attachmentId: att ? att.id : undefined,
		instanceId: att ? att.integrationPackInstanceId : undefined,
		environmentId: att ? att.environmentId : undefined,
	};
}

module.exports = {
	defaultSeed,
	normalizeSeed,
	demoOf,
	ids: {
		ACCOUNT_ID,
		SPACE_MAIN,
		SPACE_PARTNER,
		PACK_ORDER_SYNC,
		PACK_HR_ONBOARDING,
		PACK_INVENTORY,
		ENV_PROD,
		ENV_TEST,
		ENV_DEV,
		INSTANCE_ORDER_SYNC_EMEA,
		INSTANCE_HR,
		INSTANCE_INVENTORY_US,
		INSTANCE_ORDER_SYNC_APAC,
	},
};
