/**
 * The longest 姓名 and 单位名称 a certificate carries: X.520's upper bounds for commonName and
 * organizationName (ub-common-name, ub-organization-name), 64 characters each. The signing forms
 * stop typing there, and buildName refuses more. A file of its own so a form can import it
 * without loading pkijs.
 */
export const CERT_NAME_MAX = 64;
