import { applyLimit, asList, listSettingsOf } from '../../nodes/BoomiSpaces/actions/listResults';
import { output as environmentsOutput } from '../../nodes/BoomiSpaces/actions/environment/getMany.operation';

describe('list settings', () => {
	it('default to "everything, no filter"', () => {
		expect(listSettingsOf({})).toEqual({ filters: {} });
		expect(listSettingsOf({ limit: 2 })).toEqual({ limit: 2, filters: {} });
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
		expect(environmentsOutput(data, {}, { filters: {} })).toEqual([
			{ id: 'e1', name: 'Test', classification: 'TEST', attachments: [] },
			{ id: 'e2', name: 'Prod', classification: 'PROD', attachments: [{ id: 'a1', environmentId: 'e2', integrationPackInstanceId: 'i1' }] },
		]);
	});
});
