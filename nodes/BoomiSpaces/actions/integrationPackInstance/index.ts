import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { unattach } from './unattach.operation';

export const operations = {
	unattach,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['integrationPackInstance'] } },
	options: [
		{
			name: 'Unattach From Environment',
			value: 'unattach',
			description:
				'Detach an installed integration pack instance from an environment (Boomi mutation integrationPackInstanceEnvironmentAttachmentUnattach)',
			action: 'Unattach an integration pack instance from an environment',
		},
	],
	default: 'unattach',
};
