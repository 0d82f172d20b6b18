/**
 * PropertiesService with the documented limits (Quotas for Google Services): 9 KB per value
 * and 500 KB per property store. Values are stored as strings, as Apps Script converts them.
 * The total counts keys and values in UTF-8 bytes (tanaikech's 2023 measurements show both
 * count); the exact byte thresholds Google applies may differ by a few bytes.
 */
import type { Host } from './host.js';
import { expose } from './surface.js';

type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const STORE_MEMBERS = ['getProperty', 'setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties', 'getProperties', 'getKeys'] as const satisfies readonly (keyof Properties)[];
const SERVICE_MEMBERS = ['getDocumentProperties', 'getUserProperties', 'getScriptProperties'] as const satisfies readonly (keyof PropertiesService)[];

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export class PropertyStore implements Pick<Properties, (typeof STORE_MEMBERS)[number]> {
  readonly values = new Map<string, string>();

  constructor(private readonly host: Host) {}

  exposed(): Properties {
    return expose<Properties>(this, 'Properties', STORE_MEMBERS, this.host);
  }

  /** Applies `changes` (null deletes) only if the result keeps every limit. */
  private commit(changes: ReadonlyMap<string, string | null>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, value] of changes) {
      if (value === null) next.delete(key);
      else if (bytes(value) > VALUE_LIMIT_BYTES) this.host.realm.fail('Argument too large: value');
      else next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > STORE_LIMIT_BYTES) this.host.realm.fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }

  getProperty(key: string): string | null {
    return this.values.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this.commit(new Map([[String(key), String(value)]]), false);
    return this.exposed();
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.commit(new Map(Object.entries(properties).map(([key, value]) => [key, String(value)])), deleteAllOthers);
    return this.exposed();
  }

  deleteProperty(key: string): Properties {
    this.commit(new Map([[String(key), null]]), false);
    return this.exposed();
  }

  deleteAllProperties(): Properties {
    this.commit(new Map(), true);
    return this.exposed();
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    return [...this.values.keys()];
  }
}

/** Every store of the environment: one per document, one per user, one for the script. */
export class PropertyStores {
  private readonly documents = new Map<string, PropertyStore>();
  private readonly users = new Map<string, PropertyStore>();
  readonly script: PropertyStore;

  constructor(private readonly host: Host) {
    this.script = new PropertyStore(host);
  }

  document(id: string): PropertyStore {
    let store = this.documents.get(id);
    if (!store) this.documents.set(id, (store = new PropertyStore(this.host)));
    return store;
  }

  user(email: string): PropertyStore {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = new PropertyStore(this.host)));
    return store;
  }
}

export class FakePropertiesService implements Pick<PropertiesService, (typeof SERVICE_MEMBERS)[number]> {
  readonly proxy: PropertiesService;

  constructor(private readonly host: Host, private readonly stores: PropertyStores) {
    this.proxy = expose<PropertiesService>(this, 'PropertiesService', SERVICE_MEMBERS, host);
  }

  /** Null outside a document, as the reference says for a script that is neither an add-on nor bound. */
  getDocumentProperties(): Properties {
    this.host.requireAuthorization('PropertiesService.getDocumentProperties', 'services');
    const id = this.host.execution().documentId;
    return id === null || this.host.platform.documentProperties === 'null' ? (null as unknown as Properties) : this.stores.document(id).exposed();
  }

  getUserProperties(): Properties {
    this.host.requireAuthorization('PropertiesService.getUserProperties', 'services');
    return this.stores.user(this.host.execution().user).exposed();
  }

  getScriptProperties(): Properties {
    this.host.requireAuthorization('PropertiesService.getScriptProperties', 'services');
    return this.stores.script.exposed();
  }
}
