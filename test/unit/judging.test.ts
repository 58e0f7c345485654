// The pure judges of Dry Run and Succeed If Already Done, on hand-made lists:
// which list shows what decides the state, never an error text.
import type { IDataObject } from 'n8n-workflow';

import { judge as judgeAttach } from '../../nodes/BoomiSpaces/actions/integrationPackInstance/attach.operation';
import { judge as judgeInstall } from '../../nodes/BoomiSpaces/actions/integrationPackInstance/install.operation';
import { judge as judgeUnattach } from '../../nodes/BoomiSpaces/actions/integrationPackInstance/unattach.operation';
import { hasInstanceIdForm, judge as judgeUninstall } from '../../nodes/BoomiSpaces/actions/integrationPackInstance/uninstall.operation';
import type { SpaceLists } from '../../nodes/BoomiSpaces/actions/judging';

const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/=+$/, '');
const instanceId = (n: number) => b64(`IntegrationPackInstance${n}`);
const attachmentId = (instance: string, environment: string) => b64(`ATTACH_IPACK_ENV${instance}:${environment}`);

const I1 = instanceId(1);
const I2 = instanceId(2);
const I3 = instanceId(3);
const PROD = 'env-prod';
const TEST = 'env-test';
const pack = (id: string, installationType?: string): IDataObject => ({ id, name: `Pack ${id}`, ...(installationType ? { installationType } : {}) });
const attachment = (instance: string, environment: string, id = attachmentId(instance, environment)) => ({ id, environmentId: environment, integrationPackInstanceId: instance });

function lists(): SpaceLists {
	return {
		instances: [
			{ id: I1, integrationPackOverrideName: 'One', integrationPack: pack('P-multi', 'MULTI') },
			{ id: I2, integrationPackOverrideName: null, integrationPack: pack('P-single', 'SINGLE') },
			{ id: I3, integrationPackOverrideName: 'Three', integrationPack: pack('P-untyped') },
		],
		environments: [
			{ id: PROD, name: 'Production', integrationPackEnvironmentAttachment: [attachment(I1, PROD), attachment(I2, PROD, 'custom-id')] },
			{ id: TEST, name: 'Test', integrationPackEnvironmentAttachment: [attachment(I1, TEST)] },
		],
	};
}

describe('Unattach judge', () => {
	const state = (id: string) => judgeUnattach({ id }, {}, lists()).state;

	it('a listed attachment would be detached, with the names the lists give', () => {
		expect(judgeUnattach({ id: attachmentId(I1, PROD) }, {}, lists())).toEqual({
			state: 'wouldApply',
			evidence: expect.stringMatching(/^Environment › Get Many lists this attachment/),
			fields: { id: attachmentId(I1, PROD), integrationPackInstanceId: I1, environmentId: PROD, instanceName: 'One', environmentName: 'Production' },
		});
	});

	it('already detached only when the instance and the environment both exist and are not attached', () => {
		const judgement = judgeUnattach({ id: attachmentId(I3, TEST) }, {}, lists());
		expect(judgement.state).toBe('alreadyDone');
		expect(judgement.done).toEqual([{ detached: true, id: attachmentId(I3, TEST), integrationPackInstanceId: I3, environmentId: TEST, instanceName: 'Three', environmentName: 'Test', result: null }]);
		expect(state(attachmentId(instanceId(9), TEST))).toBe('unknownId');
		expect(state(attachmentId(I3, 'env-gone'))).toBe('unknownId');
		// Attached, but under another ID than this one: Boomi compares IDs exactly.
		expect(state(attachmentId(I2, PROD))).toBe('unknownId');
		expect(state('garbage')).toBe('unknownId');
	});

	it('an instance ID: attached nowhere is already done, attached somewhere would apply', () => {
		expect(state(I3)).toBe('alreadyDone');
		expect(state(I1)).toBe('wouldApply');
		expect(judgeUnattach({ id: I1 }, {}, lists()).evidence).toMatch(/attached to 2 environments/);
	});
});

describe('Uninstall judge', () => {
	it('listed would apply; not listed in the instance ID form is already done (weak evidence); anything else is unknown', () => {
		expect(judgeUninstall({ id: I1 }, {}, lists()).state).toBe('wouldApply');
		const gone = judgeUninstall({ id: instanceId(7) }, {}, lists());
		expect(gone).toEqual(expect.objectContaining({ state: 'alreadyDone', done: [{ uninstalled: true, id: instanceId(7), result: null }] }));
		expect(gone.evidence).toMatch(/weak evidence/);
		expect(judgeUninstall({ id: 'abc' }, {}, lists()).state).toBe('unknownId');
		expect([instanceId(42), b64('IntegrationPackInstance'), b64('Something12'), 'not base64!'].map(hasInstanceIdForm)).toEqual([true, false, false, false]);
	});
});

describe('Attach judge', () => {
	const judge = (instance: string, environmentIds: string[]) => judgeAttach({ input: { integrationPackInstanceId: instance, environmentIds } }, {}, lists());

	it('attached to every environment asked is already done, one output per attachment', () => {
		const judgement = judge(I1, [PROD, TEST]);
		expect(judgement.state).toBe('alreadyDone');
		expect(judgement.done?.map((item) => item.id)).toEqual([attachmentId(I1, PROD), attachmentId(I1, TEST)]);
	});

	it('attached to some is partly done and names both sides; none would apply; unknown ids are unknown', () => {
		const partly = judge(I2, [PROD, TEST]);
		expect(partly.state).toBe('partlyDone');
		expect(partly.fields).toEqual(expect.objectContaining({ alreadyAttached: [PROD], wouldAttach: [TEST] }));
		expect(judge(I3, [PROD, TEST]).state).toBe('wouldApply');
		expect(judge(I3, [PROD, 'env-gone']).evidence).toMatch(/does not list environment env-gone/);
		expect(judge(instanceId(9), [PROD]).state).toBe('unknownId');
	});
});

describe('Install judge', () => {
	const judge = (integrationPackId: string, integrationPackOverrideName?: string) =>
		judgeInstall({ input: { integrationPackId, ...(integrationPackOverrideName === undefined ? {} : { integrationPackOverrideName }) } }, {}, lists());

	it('single-install: any instance; multi-install: one with that name (trimmed); a multi-install pack without a name would fail', () => {
		expect(judge('P-single').done).toEqual([{ id: I2, integrationPackId: 'P-single', integrationPackOverrideName: null }]);
		expect(judge('P-multi', ' One ').state).toBe('alreadyDone');
		expect(judge('P-multi', 'Other').state).toBe('wouldApply');
		expect(judge('P-multi').state).toBe('wouldFail');
		expect(judge('P-new', 'x').state).toBe('wouldApply');
	});

	it('without an installation type in the list, the override name decides', () => {
		expect(judge('P-untyped', 'Three').state).toBe('alreadyDone');
		expect(judge('P-untyped', 'Four').state).toBe('wouldApply');
		expect(judge('P-untyped').evidence).toMatch(/taken as single-install/);
	});
});
