package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.Memo;
import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Files that hold secrets: keys, cloud and registry credentials, dotenv files, Terraform state, shadow passwords. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Where CLIs keep their logins, below a home directory: forges, PaaS and cloud CLIs, CI, SaaS and data tools.
     * Their other files (aliases, themes, caches) are not secrets.
     */
    private static final List<String> CLI_LOGINS = List.of(
            "\\.config/glab-cli/config\\.ya?ml", "\\.config/hub", "\\.config/gitlab/[^/]+\\.ya?ml",
            "\\.config/doctl/config\\.ya?ml", "\\.config/hcloud/cli\\.toml", "\\.config/scw/config\\.ya?ml",
            "\\.config/linode-cli", "\\.config/exoscale/exoscale\\.toml", "\\.config/vultr-cli\\.ya?ml",
            "\\.fly/config\\.yml", "\\.railway/config\\.json", "\\.netlify/config\\.json", "\\.config/netlify/config\\.json",
            "\\.wrangler/config/[^/]+\\.toml", "\\.config/\\.wrangler/config/[^/]+\\.toml",
            "\\.config/configstore/(snyk|netlify|firebase-tools|@vercel[^/]*)\\.json",
            "\\.circleci/cli\\.ya?ml", "\\.config/bk\\.ya?ml", "\\.buildkite/[^/]*\\.ya?ml",
            "\\.config/ldcli/config\\.ya?ml", "\\.pd\\.ya?ml", "\\.config/pd/[^/]+", "\\.config/stripe/config\\.toml",
            "\\.config/ngrok/ngrok\\.yml", "\\.ngrok2/ngrok\\.yml", "\\.sentryclirc", "\\.config/sentry/[^/]+",
            // on-call, GitOps and SaaS admin CLIs an SRE logs in to: PagerDuty's pd, Argo CD, Gitea's tea, Aiven, Doppler,
            // Twilio, IBM Cloud, MongoDB Atlas, Grafana's grafanactl, Civo
            "\\.config/pagerduty-cli/[^/]+", "\\.config/argocd/config", "\\.argocd/config", "\\.config/tea/config\\.ya?ml",
            "\\.config/aiven/aiven-credentials\\.json", "\\.doppler/\\.doppler\\.ya?ml", "\\.config/twilio-cli/config\\.json",
            "\\.twilio-cli/config\\.json", "\\.bluemix/config\\.json", "\\.config/atlascli/config\\.toml", "\\.config/mongocli\\.toml",
            "\\.config/grafanactl/config\\.ya?ml", "\\.civo\\.json",
            // the Algolia CLI keeps each profile's admin API key here
            "\\.config/algolia/config\\.toml",
            // Akamai's EdgeGrid client secrets and access tokens; fleetctl's API token; Jamf and Kandji CLIs' tokens
            "\\.edgerc", "\\.fleet/config", "\\.config/jamf-cli/[^/]+", "\\.kandji/[^/]+",
            "\\.terraform\\.d/credentials\\.tfrc\\.json", "\\.config/helm/registry/config\\.json",
            "\\.oci/config", "\\.config/openstack/(clouds|secure)\\.ya?ml", "\\.config/rclone/rclone\\.conf",
            "\\.mc/config\\.json", "\\.kaggle/kaggle\\.json", "\\.databrickscfg", "\\.snowsql/config",
            "\\.config/snowflake/(connections|config)\\.toml", "\\.dbt/profiles\\.ya?ml",
            // data catalogs' CLIs: DataHub's GMS server and personal access token
            "\\.datahubenv",
            "\\.confluent/config\\.json", "\\.ccloud/config\\.json",
            "\\.m2/settings(-security)?\\.xml", "\\.gradle/gradle\\.properties", "\\.cargo/credentials(\\.toml)?",
            "\\.ansible/[^/]*vault[-_]pass[^/]*", "[^/]*vault[-_]pass(word)?(\\.txt)?",
            // identity providers' admin CLIs: Okta's org API token, kcadm's access and refresh tokens, auth0's
            // machine login, GAM's OAuth refresh token, service-account key and OAuth client secret (in ~/.gam or the
            // directory GAM is installed in: ~/bin/gam7, ~/bin/gamadv-xtd3, ~/GAMConfig), Teleport's keys and certificates
            "\\.okta/okta\\.ya?ml", "\\.config/okta/okta\\.ya?ml", "\\.keycloak/kcadm\\.config",
            "\\.config/auth0/config\\.json", "(?i:\\.?gam[^/]*)/(oauth2\\.txt|oauth2service\\.json|client_secrets\\.json)",
            "\\.tsh/keys/.+",
            // Nix's settings hold access-tokens (GitHub, GitLab) for fetching flakes, and its netrc-file the cache logins
            "\\.config/nix/(nix\\.conf|netrc)",
            // network config backups: Oxidized's config holds the login (and enable password) of every device it polls
            "\\.config/oxidized/config", "\\.oxidized/config",
            // ELT tools' connections: Sling's env file (every connection's URL and password), octavia's Airbyte login,
            // flowctl's refresh token
            "\\.sling/env\\.ya?ml", "\\.octavia", "\\.config/flowctl/[^/]+\\.json",
            // headless CMSs' management tokens (Contentful, Sanity, Storyblok, Prismic) and Prefect's profiles (the API key)
            "\\.contentfulrc\\.json", "\\.config/sanity/config\\.json",
            "\\.storyblok/credentials\\.json", "\\.prismic", "\\.prefect/profiles\\.toml",
            // workflow automation: n8n's settings hold the encryptionKey that decrypts every stored credential; the Zapier
            // platform CLI's deploy key
            "\\.n8n/config", "\\.zapierrc",
            // finance and ERP CLIs' stored OAuth token sets (Xero, QuickBooks Online) and SuiteCloud's saved account logins
            "\\.config/xero(-cli)?/[^/]+\\.json", "\\.xero/[^/]+\\.json", "\\.config/(quickbooks|qbo|intuit)(-cli)?/[^/]+\\.json",
            "\\.suitecloud-sdk/credentials[^/]*",
            // CRM and support CLIs: HubSpot's personal access keys, Salesforce's per-user auth files (access and refresh
            // tokens) and the key that decrypts them, zcli's saved profiles
            // provisioning and systems-management servers' logins: Foreman's hammer (username and password per module),
            // the MAAS CLI's profiles database (each profile's API key), spacecmd's Uyuni login, the Landscape API keys
            "\\.hammer/cli\\.modules\\.d/[^/]+\\.ya?ml", "\\.hammer/cli_config\\.ya?ml", "\\.maascli\\.db",
            "\\.spacecmd/config", "\\.landscape-api\\.rc",
            "\\.hscli/config\\.ya?ml", "\\.(sfdx|sf)/([^/]+@[^/]+|key)\\.json", "\\.zcli(/[^/]+)?");

    /**
     * Chromium browsers' data directories (Linux {@code ~/.config/NAME}, macOS {@code Application Support/Vendor/NAME},
     * Windows {@code AppData/Local/Vendor/NAME/User Data}).
     */
    private static final String CHROMIUM_BROWSERS = "google-chrome(-beta|-unstable)?|chromium(-browser)?|Google/Chrome( Beta| Canary)?"
            + "|Chromium|BraveSoftware/[^/]+|Microsoft/Edge|Microsoft Edge( Beta| Dev)?|microsoft-edge(-beta|-dev)?|vivaldi|Vivaldi"
            + "|opera|com\\.operasoftware\\.Opera|Opera Software/[^/]+|Arc/User Data|yandex-browser|Yandex/YandexBrowser";

    /** Electron apps whose stored session is a login to a chat or work account (Discord's, Slack's, Teams's tokens). */
    private static final String ELECTRON_APPS = "(?i:discord(canary|ptb)?|slack|Microsoft Teams|Microsoft/Teams|teams-for-linux"
            + "|Signal|Element|WhatsApp|Telegram Desktop|Notion|Figma|Zoom|Mattermost)";

    /** Matched against the resolved absolute path. */
    private static final List<Pattern> PATHS = List.of(
            Pattern.compile(".*/\\.aws/(credentials|sso/cache/.*|cli/cache/.*)"),
            Pattern.compile(".*/\\.kube/config(\\..*)?|.*/\\.kube/.*\\.kubeconfig|.*/kubeconfig(\\.ya?ml)?"),
            Pattern.compile(".*/\\.ssh/(id_[^/]*|[^/]*\\.pem|[^/]*_rsa|[^/]*_ed25519|[^/]*_ecdsa)"),
            Pattern.compile(".*/\\.docker/config\\.json"),
            // wallets: Solana keypairs (not the CLI's cli/config.yml), NEAR's per-network credentials, Sui's keystore,
            // Aptos profiles (private_key), Foundry, geth and Brownie keystores: whoever reads one spends the account's funds
            Pattern.compile(".*/\\.config/solana/[^/]+\\.json|.*/\\.near-credentials/.+|.*/\\.sui/sui_config/sui\\.keystore"
                    + "|.*/\\.aptos/config\\.ya?ml|.*/\\.foundry/keystores/.+|.*/\\.ethereum/keystore/.+|.*/\\.brownie/accounts/.+"),
            // cloudflared's origin certificate (creates tunnels and DNS records for the whole account) and the tunnels'
            // credentials files (UUID.json); its config.yml only names them
            Pattern.compile("(.*/\\.cloudflared|.*/\\.cloudflare-warp|/(usr/local/)?etc/cloudflared)/(cert\\.pem|[^/]+\\.json)"),
            Pattern.compile(".*/\\.config/gh/hosts\\.ya?ml"),
            // Node-RED: the flows' credentials file (every node's passwords and tokens, beside flows.json or
            // flows_HOST.json, also in a project) and the generated key that decrypts it when settings.js sets none
            Pattern.compile("(.*/)?flows?(_[^/]*)?_cred\\.json|.*/\\.node-red/(.+_cred\\.json|\\.config\\.runtime\\.json)"),
            Pattern.compile(".*/\\.config/gcloud/(credentials\\.db|access_tokens\\.db|application_default_credentials\\.json|legacy_credentials/.*)"),
            Pattern.compile(".*/\\.azure/(?!config$)[^/]+"),
            Pattern.compile(".*/\\.gnupg/private-keys.*|.*/\\.gnupg/secring.*"),
            Pattern.compile("/etc/(shadow|gshadow|sudoers|master\\.passwd)(-|\\.d/.*)?"),
            Pattern.compile("/etc/(ssl|pki)/private/.*"),
            // a host's own ssh private keys: whoever holds one can pose as that host
            Pattern.compile("/etc/ssh/ssh_host_[a-z0-9]+_key"),
            // mount.cifs credential files kept beside Samba's configuration
            Pattern.compile("/etc/(samba|cifs)/[^/]*cred[^/]*|/etc/samba/[^/]*\\.(pw|pass|passwd)"),
            // a CA's keys and their passwords: smallstep's secrets directory, an OpenSSL CA's private directory
            Pattern.compile(".*/\\.step/secrets/.+|/etc/pki/[^/]+/private/.+"),
            // Secure Boot signing keys: the MOK key shim trusts (shim-signed's, DKMS's), sbctl's and mkosi's PK/KEK/db keys;
            // whoever holds one signs kernels and modules this machine boots
            Pattern.compile("/var/lib/shim-signed/mok/[^/]+\\.(priv|key|pem)|/var/lib/dkms/mok\\.(key|priv)"
                    + "|/(usr/share/secureboot|var/lib/sbctl|etc/secureboot)/keys/(.+/)?[^/]+\\.(key|priv|pem)"
                    + "|.*/MOK\\.(priv|key)"),
            Pattern.compile(".*/\\.config/op/.*|.*/\\.password-store/.*"),
            // age private keys, sops's and age's own: each decrypts every file encrypted to its recipient
            Pattern.compile(".*/(\\.config/sops/age|Library/Application Support/sops/age)/keys\\.txt|.*/\\.age/.+"),
            // the machine-wide Nix settings and netrc-file: access-tokens and binary-cache logins
            Pattern.compile("/etc/nix/(nix\\.conf|netrc)"),
            Pattern.compile("/proc/[^/]+/environ"),
            // research grids' logins: X.509 grid proxies (a certificate and its unencrypted private key), iRODS's
            // scrambled password, the Globus CLI's token store, Rucio's cached auth tokens
            Pattern.compile("(.*/)?x509up_u[^/]+|.*/\\.irods/\\.irodsA|.*/\\.globus/(cli/storage\\.db|usercred\\.p12)"
                    + "|.*/\\.globus(-native-apps)?\\.cfg|.*/\\.rucio_[^/]+/auth_token[^/]*"),
            // Kerberos: ticket caches, a KDC's database and stash, Samba's private directory (machine secrets, sam.ldb)
            Pattern.compile("/tmp/krb5cc_[^/]+|/(var/kerberos/krb5kdc|etc/krb5kdc|var/lib/krb5kdc)/(\\.k5\\..*|stash|principal.*)"
                    + "|/var/lib/samba/private/(secrets\\.(tdb|ldb|keytab)|sam\\.ldb.*|.*\\.keytab)"),
            // LDAP bind passwords kept for the system's own directory lookups (pam_ldap, nss-ldap, nslcd, SSSD)
            Pattern.compile("/etc/(ldap|pam_ldap|libnss-ldap)\\.secret|/etc/nslcd\\.conf|/etc/sssd/sssd\\.conf"),
            // a Proxmox cluster's own secrets: API token secrets, the ticket signing key, storage keyrings and passwords
            Pattern.compile("/etc/pve/priv/(token\\.cfg|authkey\\.key|shadow\\.cfg|tfa\\.cfg|ceph/[^/]+|storage/[^/]+|[^/]+\\.(keyring|key|pw))"
                    + "|/etc/pve/(local/)?pve-www\\.key|/etc/pve/nodes/[^/]+/pve-ssl\\.key"),
            // VPN daemons' own keys: tailscaled's state (the node and machine private keys), ZeroTier's identity and local
            // API token, Netbird's config (the WireGuard private key and pre-shared key), any file kept beside WireGuard's
            // interfaces and OpenVPN's client profiles and auth files (Headscale's database is a database: its queries are
            // judged as SQL)
            Pattern.compile("(?i).*/tailscale/(tailscaled\\.state|server-state\\.conf)"
                    + "|.*/(zerotier-one|ZeroTier/One)/(identity|authtoken)\\.secret|.*/\\.zeroTierOneAuthToken"
                    + "|(/etc|/var/lib)/netbird/config\\.json"
                    + "|(/usr/local|/opt/homebrew)?/etc/wireguard/(?![^/]*public)[^/]+"
                    + "|(/usr/local|/opt/homebrew)?/etc/openvpn/(?:[^/]+/)*([^/]*(pass|auth|cred)[^/]*(?<!\\.(sh|py|pl))|client/[^/]+\\.conf)"),
            // an HA cluster's shared secrets: Corosync's and Pacemaker Remote's authkeys let a machine join the cluster,
            // pcsd's tokens log in to every node, DRBD resource files carry the peers' shared-secret
            Pattern.compile("/etc/corosync/authkey|/etc/pacemaker/authkey|/var/lib/pcsd/(tokens|known-hosts|pcsd\\.key)"
                    + "|/etc/drbd\\.d/[^/]+\\.res"),
            // secrets mounted into containers (Docker/Compose/Swarm, Kubernetes service-account tokens, Vault agent)
            Pattern.compile("(/var)?/run/secrets/.+|/vault/secrets/.+"),
            // a cluster's admin credentials on its control-plane nodes
            Pattern.compile("/etc/kubernetes/(admin|super-admin|controller-manager|scheduler|kubelet)\\.conf|/etc/rancher/(k3s/k3s|rke2/rke2)\\.yaml"),
            // monitoring agents' and servers' own configs, which hold their API keys, admin passwords and tokens
            Pattern.compile("(/etc/datadog-agent|/opt/datadog-agent/etc)/(datadog\\.yaml|auth_token)|/etc/dd-agent/datadog\\.conf"
                    + "|.*/\\.datadog-agent/datadog\\.yaml|/etc/newrelic-infra\\.yml"
                    + "|/(usr/local/)?etc/grafana/(grafana\\.ini|provisioning/datasources/[^/]+)"
                    + "|.*/\\.influxdbv2/(configs|influxd\\.bolt)|/etc/influxdb/influx-configs|/var/lib/influxdb2?/influxd\\.bolt"
                    + "|/opt/splunk/etc/(passwd|auth/splunk\\.secret)"),
            // security agents' enrolment secrets and keys: Wazuh's authd password and agent keys, CrowdSec's API logins,
            // osquery's enroll secret; whoever holds one enrols a machine of their own or reports as one of the fleet
            Pattern.compile("/var/ossec/etc/(authd\\.pass|client\\.keys)|/etc/crowdsec/(local|online)_api_credentials\\.ya?ml"
                    + "|.*/osquery[^/]*/(?:[^/]+/)*(enroll[-_]?secret|[^/]*\\.secret)(\\.txt)?|.*/enroll[-_]secret(\\.txt)?"),
            // CI agents' own configs: the registration token lets anyone join the agent pool and run the organization's jobs
            Pattern.compile("(/etc|/usr/local/etc|/opt/homebrew/etc|.*/\\.buildkite-agent)/buildkite-agent/buildkite-agent\\.cfg"
                    + "|.*/\\.buildkite-agent/buildkite-agent\\.cfg|/etc/gitlab-runner/config\\.toml|.*/\\.gitlab-runner/config\\.toml"),
            // log shippers' and collectors' configs: their exporters' headers and outputs carry vendor API keys and tokens
            Pattern.compile("/etc/otelcol[^/]*/[^/]+\\.ya?ml|/etc/(splunk-otel-collector|otel|opentelemetry-collector)/[^/]+\\.(ya?ml|conf)"
                    + "|/etc/vector/[^/]+\\.(toml|ya?ml|json)|/etc/(fluent-bit|td-agent-bit)/(fluent-bit|td-agent-bit|outputs?[^/]*)\\.(conf|ya?ml)"),
            // browsers' cookie jars and saved passwords: sessions to every site the user is logged in to. Chromium's
            // Local State holds os_crypt.encrypted_key, which decrypts them all; Windows keeps profiles under User Data.
            Pattern.compile(".*/(" + CHROMIUM_BROWSERS + ")/(User Data/)?(Local State|[^/]+/(Network/)?"
                    + "(Cookies|Login Data|Login Data For Account|Web Data|Extension Cookies)(-journal)?)"),
            // Electron apps are Chromium too: their cookie jar and Local Storage hold the app's session token
            Pattern.compile(".*/(" + ELECTRON_APPS + ")/(Network/)?(Cookies|Local State)(-journal)?"),
            Pattern.compile(".*/Local Storage/leveldb(/.*)?"),
            // Playwright's saved storage state (playwright/.auth/user.json, storageState.json): a signed-in session's cookies
            // and local storage, which a browser or a script loads to be that user
            Pattern.compile("(?i).*/\\.auth/[^/]+\\.json|.*/[^/]*storage[-_]?state[^/]*\\.json"),
            Pattern.compile(".*/(\\.mozilla/firefox|Firefox/Profiles|Mozilla/Firefox/Profiles|\\.librewolf|\\.waterfox|\\.thunderbird)/[^/]+/"
                    + "(cookies\\.sqlite|logins\\.json|key[34]\\.db|signons\\.sqlite)(-wal)?"),
            Pattern.compile(".*/Library/(Containers/com\\.apple\\.Safari/Data/Library/)?Cookies/.*\\.binarycookies|.*/Library/Keychains/.*"),
            // where altool looks for App Store Connect keys, and fastlane's saved Apple ID session
            Pattern.compile(".*/(\\.appstoreconnect/)?\\.?private_keys/[^/]+|.*/\\.fastlane/spaceship/.+/cookie"),
            // CLIs' own logins: the token or password each keeps after `login`
            Pattern.compile(".*/(" + String.join("|", CLI_LOGINS) + ")"),
            // a token kept in a tool's own directory (~/.config/gitlab/token, ~/.cache/huggingface/token)
            Pattern.compile(".*/\\.[^/]+/(?:[^/]+/)*(token|[^/]*\\.token|access[-_]tokens?(\\.[a-z]+)?)"),
            // Interlock's tokens and its database (which holds token hashes and approvals)
            Pattern.compile(".*/interlock/([^/]*token[^/]*|[^/]*\\.db(-wal|-shm|-journal)?)"));

    /** Matched against the file name alone. */
    private static final Pattern NAMES = Pattern.compile(
            "\\.env|\\.envrc|\\.env\\.(?!(example|sample|template|dist|defaults|schema)$)[^/]+|.*\\.env"
                    + "|.*\\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk|tfstate|tfstate\\.backup|keytab)"
                    // App Store Connect and APNs keys (AuthKey_*.p8); Android signing passwords (Flutter's key.properties)
                    + "|.*\\.p8|key\\.properties|keystore\\.properties"
                    // age identities (age-keygen -o NAME.agekey); OpenVPN client profiles, which embed the client's
                    // private key and the tls-crypt key
                    + "|.*\\.agekey|.*\\.ovpn"
                    // BIND's DNSSEC private keys (dnssec-keygen writes Kzone.+alg+id.private beside the public .key)
                    + "|k.+\\+[0-9]{3}\\+[0-9]{5}\\.private"
                    + "|id_(rsa|dsa|ecdsa|ed25519)|\\.netrc|_netrc|\\.npmrc|\\.pypirc|\\.git-credentials|\\.pgpass"
                    // RANCID's clogin keeps every router's login and enable password in .cloginrc
                    + "|\\.cloginrc"
                    // IBM Spectrum Protect's stored client password (TSM.PWD) and its key database; Bacula's and
                    // Bareos' console and daemon configurations hold the director's and clients' passwords
                    + "|tsm\\.(pwd|kdb|sth)|bconsole\\.conf|(bacula|bareos)-(dir|sd|fd)\\.conf"
                    // cqlsh keeps the Cassandra username and password in its [authentication] section
                    + "|cqlshrc"
                    + "|\\.my\\.cnf|\\.htpasswd|\\.vault-token|\\.s3cfg|\\.boto"
                    // Datadog's dogshell keeps the API and application keys in ~/.dogrc; Terraform's CLI config its
                    // registry and HCP tokens (credentials blocks)
                    + "|\\.dogrc|\\.terraformrc|terraform\\.rc"
                    // the HubSpot CLI's project-level config holds each account's personal access key
                    + "|hubspot\\.config\\.ya?ml"
                    // SMB/CIFS logins for smbclient -A and mount.cifs credentials=
                    + "|\\.?smb-?cred(s|entials?)?|\\.cifs(-?cred(s|entials?)?)?|[^/]*\\.(smb|cifs)cred(s|entials?)?"
                    // mail clients' logins: msmtp and fetchmail keep the mail password in their rc file (hence its 0600 rule)
                    + "|\\.?msmtprc|\\.fetchmailrc|\\.mbsyncrc"
                    + "|secrets?\\.(ya?ml|json|toml|env)|credentials(\\.json|\\.ya?ml|\\.csv)?"
                    // Google service-account keys as teams name them: prod-service-account.json, bq-etl-sa.json, sa-prod.json
                    + "|.*service[-_]?account.*\\.json|(.*[-_])?sa([-_].*)?\\.json"
                    + "|.*-key\\.json|client_secrets?\\.json|token\\.json|auth\\.json");

    /** Locale files named for a region ({@code ar-sa.json}: Arabic, Saudi Arabia) are not service-account keys. */
    private static final Pattern LOCALES = Pattern.compile("[a-z]{2}[-_]sa\\.json");

    /**
     * A data file kept in a directory named for secrets ({@code secrets/bq-prod-etl-sa.json}, {@code config/credentials/
     * db.yaml}, {@code .secrets/prod/token}): the directory says what it holds, whatever the file is called. Its parent or
     * grandparent must be that directory, so a repository that happens to be called {@code secrets} does not make all of
     * its files secrets; code and documentation (handled before this) and the project's own manifests are not data.
     */
    private static final Pattern IN_SECRET_DIRECTORY = Pattern.compile(
            "(?i).*/\\.?(secrets?|credentials|creds)/([^/]+/)?[^/]+");
    private static final Pattern NOT_SECRET_DATA = Pattern.compile(
            "(?i)(readme|license|changelog|makefile|dockerfile|\\.git.*|\\.keep|\\.dockerignore|\\.sops\\.ya?ml|package(-lock)?\\.json"
                    + "|tsconfig.*\\.json|composer\\.json|kustomization\\.ya?ml|chart\\.ya?ml|.*\\.(lock|tf|hcl|sh|tpl|html|css))(\\..*)?");

    /**
     * Database servers' maintenance and bootstrap logins, whatever their extension says: Debian's debian-sys-maint
     * password, MySQL's generated root password, dbconfig-common's and phpMyAdmin's control users, PgBouncer's and
     * Pgpool's password lists, ProxySQL's admin login, Patroni's configuration (the cluster's superuser and
     * replication passwords), Plesk's MySQL admin, GitLab's first root password; Hadoop platforms' managers: Ambari's
     * stored database password, LDAP bind password, master key and credential store, Cloudera Manager's database logins
     * ({@code db.properties}, {@code db.mgmt.properties}), Ranger's {@code install.properties} (its admin and database
     * passwords).
     */
    private static final Pattern SERVICE_LOGINS = Pattern.compile(
            "/etc/mysql/debian(-[^/]+)?\\.cnf|.*/\\.mysql_secret|/etc/dbconfig-common/[^/]+\\.conf|/etc/phpmyadmin/config-db\\.php"
                    + "|/etc/pgbouncer/userlist\\.txt|/etc/pgpool(-II|2)?/(pool_passwd|pcp\\.conf|\\.pgpoolkey)|/etc/proxysql\\.cnf"
                    + "|/etc/patroni/[^/]*\\.ya?ml|/etc/patroni\\.ya?ml"
                    + "|/etc/psa/\\.psa\\.shadow|/etc/gitlab/(initial_root_password|gitlab-secrets\\.json)"
                    + "|/etc/ambari-server/conf/(password|ldap-password|trust-store-password)\\.dat"
                    + "|/var/lib/ambari-server/keys/(master|credentials\\.jceks)"
                    + "|/etc/cloudera-scm-server/db(\\.mgmt)?\\.properties"
                    + "|.*/ranger[^/]*/(?:[^/]+/)*install\\.properties");

    /**
     * Code forges' and artifact repositories' own secrets: Gitea's, Forgejo's and Gogs's {@code app.ini} (SECRET_KEY,
     * INTERNAL_TOKEN, the JWT secrets, the database password), Nexus's generated {@code admin.password}, Artifactory's
     * {@code bootstrap.creds} (its master and join keys are {@code *.key} files already), Gerrit's {@code secure.config}
     * and Harbor's {@code harbor.yml} (the admin and database passwords). Whoever reads one is an administrator of the
     * forge or can forge its sessions and tokens.
     */
    private static final Pattern FORGE_SERVER_SECRETS = Pattern.compile(
            "(?i).*/(gitea|forgejo|gogs)[^/]*/(?:[^/]+/)*app\\.ini|.*/custom/conf/app\\.ini"
                    + "|.*/(nexus-data|sonatype-work/nexus3)/admin\\.password"
                    + "|.*/(artifactory|jfrog)/(?:[^/]+/)*bootstrap\\.creds"
                    + "|.*/(gerrit|review_site)[^/]*/etc/secure\\.config|.*/harbor/harbor\\.ya?ml");

    /**
     * Configuration files that hold their application's database password and keys by design: WordPress's
     * {@code wp-config.php} (DB_PASSWORD, the auth salts), Drupal's {@code settings.php}, Magento's {@code app/etc/env.php},
     * Ghost's {@code config.production.json}, Mirth Connect's {@code mirth.properties} (its database and keystore
     * passwords), Odoo's server configuration (the master {@code admin_passwd} and {@code db_password}), Nextcloud's and
     * ownCloud's {@code config/config.php} (database password, instance secret), Moodle's {@code config.php} in its
     * install directory ({@code $CFG->dbpass}); WireGuard's interface files and
     * NetworkManager's connections (private keys, pre-shared keys, Wi-Fi passwords); Slurm's {@code slurmdbd.conf} (the
     * accounting database's StoragePass); GeoServer's {@code security/} files (users' password digests, the master
     * password, {@code geoserver.jceks}, authentication providers' bind passwords).
     */
    private static final Pattern APPLICATION_SECRETS = Pattern.compile(
            ".*/wp-config\\.php|.*/mirth\\.properties|.*/sites/[^/]+/settings(\\.local)?\\.php|.*/app/etc/env\\.php|.*/config\\.production\\.json"
                    + "|/etc/odoo[^/]*/[^/]*\\.conf|/etc/odoo[^/]*\\.conf|.*/\\.odoorc|.*/(nextcloud|owncloud)/config/config\\.php|.*/moodle[^/]*/config\\.php"
                    + "|/etc/wireguard/[^/]+\\.conf|/etc/NetworkManager/system-connections/.+|/etc/slurm(-llnl)?/slurmdbd\\.conf"
                    // GeoServer's data directory: user password digests, the master password and the keystore it unlocks
                    + "|.*/security/(usergroup/[^/]+/users\\.xml|masterpw(\\.[a-z]+)?|masterpw/.+|geoserver\\.jceks|auth/[^/]+/config\\.xml)");

    /**
     * Mail servers' secrets: Dovecot's passwd-files (user password hashes) and its SQL/LDAP settings (the lookup
     * login), DKIM private signing keys ({@code *.private} under a dkim/opendkim directory: anyone holding one signs
     * mail as the domain), Postfix's relay logins ({@code sasl_passwd} and other {@code *_passwd} tables, with their
     * compiled {@code .db}/{@code .lmdb}) and database lookup tables, Exim's client and server passwords.
     */
    private static final Pattern MAIL_SERVER_SECRETS = Pattern.compile(
            "/etc/dovecot/(users|passwd|[^/]*\\.(passwd|users)|passwd\\.d/.+|private/.+|dovecot-(sql|ldap|dict-sql)\\.conf(\\.ext)?)"
                    + "|(?i:.*/[^/]*dkim[^/]*/)(?:[^/]+/)*[^/]+\\.private"
                    + "|/etc/postfix/(?:[^/]+/)*[^/]*_passwd(\\.(db|lmdb|cdb))?|/etc/postfix/(?:[^/]+/)*(mysql|pgsql|ldap)[-_][^/]*\\.cf"
                    + "|/etc/exim4?/passwd(\\.client)?");

    /**
     * Backup tools' repository passwords and keys, which open every snapshot: a password-named file in a directory
     * named after the tool ({@code ~/.config/restic/pw}, {@code /etc/borg/passphrase.txt}), a file named for the tool's
     * password anywhere ({@code ~/.restic-password}), borg's key files, kopia's saved password. Checked before the
     * harmless names, since these files are often {@code .txt}; the tools' source code is not.
     */
    private static final Pattern BACKUP_PASSWORDS = Pattern.compile(
            "(?i).*/\\.?(restic|rustic|resticprofile|autorestic|borg|kopia|duplicity)/(?:[^/]+/)*"
                    + "[^/]*(pass|pw|pwd|secret|token|cred)[^/]*(?<!\\.(md|go|py|rs|java|js|ts|rb|sh|c|h))"
                    + "|.*/\\.?(restic|rustic|borg|kopia|duplicity)[-_.]?(pass|password|passphrase|passwd|pw|pwd|key|secret)(\\.txt)?"
                    + "|.*/\\.config/borg/keys/[^/]+|.*\\.kopia-password");

    /**
     * sops's encrypted files ({@code secrets.enc.yaml}, {@code prod.sops.json}): their values are ciphertext and only
     * {@code sops -d} reveals them, so reading one is not reading a secret.
     */
    private static final Pattern SOPS_ENCRYPTED = Pattern.compile("[^/]*\\.(enc|sops)(\\.(ya?ml|json|env|ini|toml|txt))?");

    /** Names that look like secrets but are templates or public halves. */
    private static final Pattern HARMLESS = Pattern.compile(
            ".*\\.pub|.*\\.(example|sample|template|dist)(\\..*)?|.*\\.(md|txt|go|py|java|ts|js|rb|rs)|package-lock\\.json");

    private static final Pattern TEMPLATES = Pattern.compile(".*\\.(example|sample|template|dist)(\\..*)?");

    /** Certificates are public halves (cert.pem, fullchain.pem, ca-bundle.pem) unless the name also says key. */
    private static final Pattern CERTIFICATES = Pattern.compile(
            "(?!.*(key|priv|secret)).*(cert|chain|bundle|^ca(?=[._-])|[._-]ca(?=[._-])).*\\.pem");

    /** Directories that hold public certificates only: the system trust stores. */
    private static final Pattern CERTIFICATE_STORES = Pattern.compile(
            "/(etc/ssl/certs|etc/pki/tls/certs|etc/pki/ca-trust|usr/share/ca-certificates|usr/local/share/ca-certificates"
                    + "|etc/ca-certificates)/.*");

    /** File names a glob is tried against: {@code ~/.aws/*} and {@code cred*} name secrets once expanded. */
    private static final List<String> SECRET_NAMES = List.of("credentials", "config", "id_rsa", "id_ed25519", "id_ecdsa",
            ".env", ".env.production", "secrets.yaml", "secrets.json", "service-account.json", "credentials.json", ".netrc",
            ".pgpass", ".git-credentials", "token.json", "hosts.yml", "config.json", "environ", "private.pem", "server.key",
            ".vault-token", "terraform.tfstate", "application_default_credentials.json", "kubeconfig", "shadow",
            "admin.conf", "k3s.yaml", "secring.gpg", "private-keys-v1.d");

    /** Directories named for what they hold: a bare {@code *} in them ({@code secrets/*}, {@code /etc/kubernetes/pki/*}) reads secrets. */
    private static final Pattern SECRET_DIRECTORIES = Pattern.compile(
            "(?i).*/(secrets?|keys|private|private[-_]keys|credentials|creds|pki|\\.gnupg)");

    /** Certificate files by extension, unless the name also says key. */
    private static final Pattern CERTIFICATE_FILES = Pattern.compile("(?!.*(key|priv|secret)).*\\.(pem|crt|cer|der)");

    /**
     * A file a tool reads as a certificate ({@code cfssl certinfo -cert server.pem}): public, unless its name says key
     * or it lies where secrets are kept ({@code /etc/ssl/private}).
     */
    public static boolean certificateIsSecret(String resolvedPath) {
        return CERTIFICATE_FILES.matcher(LocalFiles.basename(resolvedPath).toLowerCase(Locale.ROOT)).matches()
                ? secretPath(resolvedPath) : isSecret(resolvedPath);
    }

    /** Asked for the same paths by several recognizers per command, and by the next command again. */
    private static final Memo<String, Boolean> SECRET = Memo.of(4096, SecretFiles::secret);

    public static boolean isSecret(String resolvedPath) {
        return SECRET.get(resolvedPath);
    }

    private static boolean secret(String resolvedPath) {
        if (resolvedPath.indexOf('*') >= 0 || resolvedPath.indexOf('?') >= 0 || resolvedPath.indexOf('[') >= 0) {
            return globMatchesSecret(resolvedPath);
        }
        return literalIsSecret(resolvedPath);
    }

    /** A glob names a secret when one of the usual secret files it could expand to is one. */
    private static boolean globMatchesSecret(String glob) {
        int slash = glob.lastIndexOf('/');
        String dir = slash < 0 ? "" : glob.substring(0, slash);
        String base = glob.substring(slash + 1);
        // A bare * says nothing about names: it reads secrets only in a directory of secrets (~/.aws/*).
        boolean namesOnlyByPath = base.replaceAll("\\[[^\\]]*\\]|[*?]", "").isEmpty();
        if (namesOnlyByPath && SECRET_DIRECTORIES.matcher(dir).matches()) {
            return true;
        }
        if (!namesOnlyByPath && literalIsSecret(glob)) {
            return true; // /**/*.pem, ./keys/*.key: the pattern's own name is a secret's
        }
        Pattern pattern = Pattern.compile(globRegex(glob));
        boolean wildDir = dir.indexOf('*') >= 0 || dir.indexOf('?') >= 0;
        for (String name : SECRET_NAMES) {
            List<String> candidates = wildDir ? List.of("/proc/1/" + name) : List.of(dir + "/" + name);
            for (String candidate : candidates) {
                if (!pattern.matcher(candidate).matches() || name.startsWith(".") && Regex.matches(base, "[*?\\[].*")) {
                    continue;
                }
                if (namesOnlyByPath ? secretBecauseOfDirectory(candidate, name)
                        : literalIsSecret(candidate) && (literalsNameIt(base) || secretBecauseOfDirectory(candidate, name)
                            || inSecretDirectory(candidate, name.toLowerCase(Locale.ROOT)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The literal words of a glob's name say why it could name a secret ({@code cred*}, {@code *token*}, {@code .env*}):
     * an extension after a wildcard alone ({@code output/fhir/*.json}) does not, though {@code credentials.json} would match it.
     */
    private static boolean literalsNameIt(String base) {
        String wild = base.replaceAll("\\[[^\\]]*\\]|\\?", "*");
        return Regex.find(wild.replaceFirst("\\*\\.[A-Za-z0-9]{1,5}$", "").replace("*", ""), "[A-Za-z0-9]{2}");
    }

    /**
     * For a bare {@code *}: the directory must be what makes the file secret ({@code ~/.aws/credentials}). A path
     * pattern that holds for the name anywhere ({@code kubeconfig}) would make every {@code dir/*} a secret read,
     * {@code libs-release-local/com/acme/*} included.
     */
    private static boolean secretBecauseOfDirectory(String candidate, String name) {
        return secretPath(candidate) && !secretPath("/" + name);
    }

    private static String globRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> out.append("[^/]*");
                case '?' -> out.append("[^/]");
                case '[' -> {
                    // A ']' first in the set (after an optional '!') belongs to it, as in the shell: "[]x]", "[!]]".
                    int from = i + 1 < glob.length() && glob.charAt(i + 1) == '!' ? i + 2 : i + 1;
                    int close = glob.indexOf(']', from < glob.length() && glob.charAt(from) == ']' ? from + 1 : from);
                    if (close < 0) {
                        out.append("\\[");
                    } else {
                        out.append('[').append(from > i + 1 ? "^" : "").append(setBody(glob.substring(from, close))).append(']');
                        i = close;
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    /** A bracket expression's members, each escaped for a regex class except the '-' of a range. */
    private static String setBody(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            // A reversed range ("[z-a]") matches nothing in the shell; read its '-' as itself rather than fail.
            boolean range = c == '-' && i > 0 && i < body.length() - 1 && body.charAt(i - 1) <= body.charAt(i + 1);
            out.append(range || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return out.toString();
    }

    private static boolean literalIsSecret(String resolvedPath) {
        if (SERVICE_LOGINS.matcher(resolvedPath).matches() || APPLICATION_SECRETS.matcher(resolvedPath).matches()
                || FORGE_SERVER_SECRETS.matcher(resolvedPath).matches() || backupPassword(resolvedPath) || mailServerSecret(resolvedPath)) {
            return true;
        }
        String name = LocalFiles.basename(resolvedPath);
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.contains(".enc") || lower.contains(".sops")) && SOPS_ENCRYPTED.matcher(lower).matches()) {
            return false;
        }
        if (HARMLESS.matcher(lower).matches() && !lower.startsWith(".env.")) {
            // a text file where a CLI keeps its login is the login all the same (GAM's oauth2.txt, vault-pass.txt)
            return lower.endsWith(".txt") && !TEMPLATES.matcher(lower).matches()
                    && (secretPath(resolvedPath) || inSecretDirectory(resolvedPath, lower));
        }
        if (CERTIFICATE_STORES.matcher(resolvedPath).matches() && !lower.contains("key")) {
            return false; // the system's store of public certificates (/etc/ssl/certs/app.pem)
        }
        if (CERTIFICATES.matcher(lower).matches()) {
            return secretPath(resolvedPath); // by name a certificate; a private directory still makes it secret
        }
        if (NAMES.matcher(lower).matches() && !lower.equals("credentials.md") && !LOCALES.matcher(lower).matches()) {
            return true;
        }
        return secretPath(resolvedPath) || inSecretDirectory(resolvedPath, lower);
    }

    /**
     * Whether the file's name alone makes it a secret ({@code client.key}, {@code .env}), wherever it lies: a new file by
     * that name holds only what is written to it, unlike a known location ({@code /tmp/krb5cc_1000}, {@code ~/.aws/credentials}).
     */
    public static boolean secretByName(String resolvedPath) {
        return isSecret("/" + LocalFiles.basename(resolvedPath));
    }

    private static boolean inSecretDirectory(String resolvedPath, String lower) {
        // most paths name no such directory: skip the patterns for them
        String path = resolvedPath.toLowerCase(Locale.ROOT);
        return (path.contains("/secret") || path.contains("/.secret") || path.contains("/cred") || path.contains("/.cred"))
                && IN_SECRET_DIRECTORY.matcher(resolvedPath).matches() && !NOT_SECRET_DATA.matcher(lower).matches();
    }

    private static boolean mailServerSecret(String resolvedPath) {
        // most paths are not a mail server's: skip the pattern for them
        boolean named = resolvedPath.startsWith("/etc/dovecot/") || resolvedPath.startsWith("/etc/postfix/")
                || resolvedPath.startsWith("/etc/exim") || resolvedPath.toLowerCase(Locale.ROOT).contains("dkim");
        return named && MAIL_SERVER_SECRETS.matcher(resolvedPath).matches();
    }

    private static boolean backupPassword(String resolvedPath) {
        String lower = resolvedPath.toLowerCase(Locale.ROOT);
        // most paths name no backup tool: skip the pattern for them
        boolean named = lower.contains("restic") || lower.contains("borg") || lower.contains("kopia") || lower.contains("duplicity");
        return named && BACKUP_PASSWORDS.matcher(resolvedPath).matches();
    }

    private static boolean secretPath(String resolvedPath) {
        for (Pattern p : PATHS) {
            if (p.matcher(resolvedPath).matches()) {
                return true;
            }
        }
        return false;
    }
}
