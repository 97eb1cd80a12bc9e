import { MemorySecretStore } from '../../../main/engine/secrets/memory-store';
import { describeSecretStore } from './store-behaviour';

describeSecretStore('the memory store', () => new MemorySecretStore());
