import { batchVariableName } from '../../nodes/BoomiSpaces/transport/batch';
import {
	applyLimit,
	asList,
	listSettingsOf,
	withListSettings,
} from '../../nodes/BoomiSpaces/actions/listResults';
import { output as environmentsOutput } from '../../nodes/BoomiSpaces/actions/environment/getMany.operation';

describe('list settings travel with the variables but are never sent', () => {
	const variables = withListSettings({ id: 'x' }, { limit: 2, filters: { classification: 'TEST' } });

	it('reach output() through the same object', () => {
		expect(listSettingsOf(variables)).toEqual({ limit: 2, filters: { classification: 'TEST' } });
	});

	it('are left out of the JSON request body and of the per-item variables of a batch', () => {
		expect(JSON.parse(JSON.stringify({ variables }))).toEqual({ variables: { id: 'x' } });
		const batched = Object.fromEntries(Object.entries(variables).map(([name, value]) => [batchVariableName(name, 0), value]));
		expect(batched).toEqual({ id0: 'x' });
	});

	it('default to "everything, no filter" for variables without them', () => {
		expect(listSettingsOf({})).toEqual({ filters: {} });
	});
});

describe('asList / applyLimit', () => {
	it('takes null as empty and a lone object as a one-element list', () => {
		expect(asList(null)).toEqual([]);
		expect(asList(undefined)).toEqual([]);
		expect(asList({ id: 'a' })).toEqual([{ id: 'a' }]);
		expect(asList([{ id: 'a' }, null, 'junk', { id: 'b' }])).toEqual([{ id: 'a' }, { id: 'b' }]);
	});

	it('limits only when a limit is set', () => {
		expect(applyLimit([1, 2, 3], { filters: {} })).toEqual([1, 2, 3]);
		expect(applyLimit([1, 2, 3], { limit: 2, filters: {} })).toEqual([1, 2]);
	});
});

describe('environment Get Many output', () => {
	it('tolerates missing attachments and fills the environment id an attachment omits', () => {
		const data = [
			{ id: 'e1', name: 'Test', classification: 'TEST', integrationPackEnvironmentAttachment: null },
			{ id: 'e2', name: 'Prod', classification: 'PROD', integrationPackEnvironmentAttachment: { id: 'a1', integrationPackInstanceId: 'i1' } },
		];
		expect(environmentsOutput(data, withListSettings({}, { filters: {} }))).toEqual([
			{ id: 'e1', name: 'Test', classification: 'TEST', attachments: [] },
			{ id: 'e2', name: 'Prod', classification: 'PROD', attachments: [{ id: 'a1', environmentId: 'e2', integrationPackInstanceId: 'i1' }] },
		]);
	});
});
