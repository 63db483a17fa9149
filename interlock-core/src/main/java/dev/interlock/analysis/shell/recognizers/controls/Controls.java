package dev.interlock.analysis.shell.recognizers.controls;

/** The controls an operation can switch off: the values of the {@code disables-control} locator. */
final class Controls {

    static final String AUDIT_TRAIL = "audit-trail";
    static final String THREAT_DETECTION = "threat-detection";
    static final String MTLS = "mtls";
    static final String NETWORK_POLICY = "network-policy";
    static final String AUTHORIZATION_POLICY = "authorization-policy";
    static final String FIREWALL = "firewall";
    static final String MAC = "mandatory-access-control";
    static final String ADMISSION_POLICY = "admission-policy";
    static final String WAF = "waf";
    static final String MFA = "mfa";
    static final String PUBLIC_ACCESS_BLOCK = "public-access-block";
    static final String ENCRYPTION = "encryption-by-default";
    static final String APP_ALLOWLISTING = "gatekeeper";
    /** Remote management that accepts unencrypted traffic or clear-text passwords (WinRM's AllowUnencrypted, Basic). */
    static final String TRANSPORT_SECURITY = "transport-security";
    /** macOS's privacy consent (TCC): which apps may read the disk, the screen, the camera, other apps. */
    static final String PRIVACY_PERMISSIONS = "privacy-permissions";

    /** A service's own authentication and authorization switched off (Elasticsearch's {@code xpack.security.enabled: false}). */
    static final String AUTHENTICATION = "authentication";

    /** User Account Control: programs run elevated without asking (EnableLUA=0, ConsentPromptBehaviorAdmin=0). */
    static final String UAC = "user-account-control";

    /** A directory's password policy: complexity, minimum length, history or lockout switched off. */
    static final String PASSWORD_POLICY = "password-policy";

    /** Windows Update's scheduled scans and installs: security patches stop arriving. */
    static final String SECURITY_UPDATES = "security-updates";

    /** The certificate authorities this machine trusts for TLS: a root added (an interception CA) or removed. */
    static final String TRUST_STORE = "trust-store";

    /** Full-disk encryption of this machine's volumes (BitLocker switched off, suspended or decrypted). */
    static final String DISK_ENCRYPTION = "disk-encryption";

    /** Secure Boot: the firmware's check that only signed loaders and kernels boot (shim's validation, the PK reset). */
    static final String SECURE_BOOT = "secure-boot";

    private Controls() {
    }
}
