// What a setting's name says it is, read the same way wherever settings are named.

// `maxContentLength`, `bodyLimit`, `max_request_size`, `RequestBodyLimit`, `maximum_size`.
const limitName = /^(?:max\w{1,40}|\w{0,40}limit\w{0,20}|\w{0,40}maximum\w{0,20})$/;

/** Whether a setting (lower-cased, with or without `_` and `-`) names a limit. */
export function isLimitSettingName(name: string): boolean {
  return limitName.test(name.toLowerCase().replace(/[_-]/g, ''));
}
