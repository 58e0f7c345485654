/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/n8n-peer/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	globalSetup: '<rootDir>/test/jest.global-setup.js',
	setupFiles: ['<rootDir>/test/jest.setup-env.js'],
	testTimeout: 30000,
	// n8n-core keeps timers (SSH client manager) alive; the harness unrefs
	// them, this is the safety net so CI never hangs on an open handle.
	forceExit: true,
};
