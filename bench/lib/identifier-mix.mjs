// Raw ids of every kind, from the upstream identifier tests (reference/js-common.md §6.1).
const U = '207ffef6-9444-41fb-92ab-20eacaae2768';
const T = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const R = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';
const G = '01234567-89ab-cdef-0123-456789abcdef';

export const RAW_ID_MIX = Object.freeze([
  `8:acs:${R}_${T}`,
  `8:spool:${R}_${T}`,
  `8:gcch-acs:${R}_${T}`,
  `8:orgid:${T}`,
  `8:dod:${T}`,
  `8:teamsvisitor:${T}`,
  `4:+112345556789`,
  `4:+112345556789_${U}`,
  '4:anonymous',
  `28:orgid:${G}`,
  `28:gcch:${G}`,
  `8:acs:${R}_${T}_${U}`,
  `8:dod-acs:${R}_${T}_${U}`,
  `28:${T}`,
  `48:${T}`,
  '',
]);
