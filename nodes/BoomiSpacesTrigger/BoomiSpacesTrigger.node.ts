import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { statusOptions } from '../BoomiSpaces/actions/execution/getMany.operation';
import { integrationPackInstanceLocator } from '../BoomiSpaces/actions/resourceLocator';
import { searchIntegrationPackInstances } from '../BoomiSpaces/methods/listSearch';
import { poll } from './poll';

const onExecutions = { show: { event: ['processExecutionFinished'] } };

export class BoomiSpacesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Boomi Spaces Trigger',
		name: 'boomiSpacesTrigger',
		icon: { light: 'file:boomiSpacesTrigger.svg', dark: 'file:boomiSpacesTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when something happens in a Boomi Space: a process execution finishes, an integration pack instance is installed, uninstalled, attached or detached (polls the Boomi Spaces GraphQL API)',
		defaults: {
			name: 'Boomi Spaces Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'boomiSpacesApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'processExecutionFinished',
				description: 'What in the Boomi Space starts the workflow. The first poll after activation only records where things stand: it emits nothing.',
				options: [
					{
						name: 'Instance Attached To Environment',
						value: 'instanceAttached',
						description: 'An integration pack instance was attached to an environment since the last poll: one item per new attachment',
					},
					{
						name: 'Instance Detached From Environment',
						value: 'instanceDetached',
						description: 'An attachment of an integration pack instance to an environment disappeared since the last poll',
					},
					{
						name: 'Integration Pack Instance Installed',
						value: 'instanceInstalled',
						description: 'An integration pack instance was installed in the Space since the last poll',
					},
					{
						name: 'Integration Pack Instance Uninstalled',
						value: 'instanceUninstalled',
						description: 'An integration pack instance disappeared from the Space since the last poll',
					},
					{
						name: 'Process Execution Finished',
						value: 'processExecutionFinished',
						description: 'Boomi recorded a new execution, with one of the chosen statuses, of a process of the watched instances: one item per execution',
					},
				],
			},
			{
				displayName: 'Watch',
				name: 'instanceScope',
				type: 'options',
				noDataExpression: true,
				displayOptions: onExecutions,
				default: 'all',
				description: 'Whose processes to watch: every installed integration pack instance of the Space, or one',
				options: [
					{ name: 'All Instances', value: 'all', description: 'The processes of every integration pack instance installed in the Space' },
					{ name: 'One Instance', value: 'instance', description: 'The processes of one integration pack instance' },
				],
			},
			{
				...integrationPackInstanceLocator(
					'The integration pack instance whose processes to watch: its ID, as Integration Pack Instance › Get Many outputs it (ID), or pick it from the list',
				),
				displayOptions: { show: { event: ['processExecutionFinished'], instanceScope: ['instance'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				displayOptions: onExecutions,
				options: statusOptions,
				default: ['ERROR'],
				description:
					'Only executions with one of these Boomi statuses. Boomi takes one status per request: each poll sends one request per status and process.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				description: 'Settings of the Process Execution Finished event',
				displayOptions: onExecutions,
				default: {},
				options: [
					{
						displayName: 'Late Result Window (Minutes)',
						name: 'lateResultWindow',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							"How far before the last poll each poll looks again, in minutes: Boomi lists an execution under its start time, so a long run that ends after a poll still gets emitted, and a clock difference between n8n and Boomi is covered. Executions seen in this window are remembered so none is emitted twice. Boomi's executionTime is assumed to be the start time (inferred).",
					},
				],
			},
		],
	};

	methods = {
		listSearch: {
			searchIntegrationPackInstances,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
