/** Every usage service key starts with this, so a leaked key is recognisable and the prefix shown is unique enough. */
export const SERVICE_KEY_PREFIX = 'idv_sk_';
