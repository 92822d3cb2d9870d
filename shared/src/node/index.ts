/** Node-only adapters (file system, package cache). Browser code must not import this module. */
export {};
