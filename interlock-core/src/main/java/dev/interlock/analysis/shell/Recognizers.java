package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
import dev.interlock.analysis.shell.recognizers.packages.PackagePublishRecognizer;
import dev.interlock.analysis.shell.recognizers.network.LocalMachines;
import dev.interlock.analysis.shell.recognizers.network.FileServers;
import dev.interlock.analysis.shell.recognizers.network.PublicTunnels;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.process.SystemSettings;
import dev.interlock.analysis.shell.recognizers.process.ServiceControlRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.*;
import dev.interlock.analysis.shell.recognizers.cloud.AwsRecognizer;
import dev.interlock.analysis.shell.recognizers.code.InterpreterRecognizer;
import dev.interlock.analysis.shell.recognizers.cloud.AzRecognizer;
import dev.interlock.analysis.shell.recognizers.cloud.GcloudRecognizer;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseClientRecognizer;
import dev.interlock.analysis.shell.recognizers.database.SqlShells;
import dev.interlock.analysis.shell.recognizers.ShellHistory;
import dev.interlock.analysis.shell.recognizers.database.MigrationRecognizer;
import dev.interlock.analysis.shell.recognizers.iac.AnsibleRecognizer;
import dev.interlock.analysis.shell.recognizers.iac.CdkRecognizer;
import dev.interlock.analysis.shell.recognizers.iac.PulumiRecognizer;
import dev.interlock.analysis.shell.recognizers.iac.TerraformRecognizer;
import dev.interlock.analysis.shell.recognizers.kubernetes.EksctlRecognizer;
import dev.interlock.analysis.shell.recognizers.kubernetes.HelmRecognizer;
import dev.interlock.analysis.shell.recognizers.kubernetes.KubectlRecognizer;
import dev.interlock.analysis.shell.recognizers.vcs.GitRecognizer;
import dev.interlock.analysis.shell.recognizers.packages.Homebrew;
import dev.interlock.analysis.shell.recognizers.macos.MacDefaults;
import dev.interlock.analysis.shell.recognizers.macos.Simulators;
import java.util.List;

/** Every recognizer, registered in one place. */
final class Recognizers {
    private Recognizers() {
    }

    static List<Recognizer> all() {
        return List.of(
                new AnsibleRecognizer(),
                new dev.interlock.analysis.shell.recognizers.iac.ConfigManagementAgents(),
                new dev.interlock.analysis.shell.recognizers.iac.Pyinfra(),
                new dev.interlock.analysis.shell.recognizers.iac.AutomationController(),
                new dev.interlock.analysis.shell.recognizers.observability.AlertingClients(),
                new dev.interlock.analysis.shell.recognizers.observability.IncidentTools(),
                new dev.interlock.analysis.shell.recognizers.observability.MonitoringClis(),
                new dev.interlock.analysis.shell.recognizers.observability.InfluxCli(),
                new dev.interlock.analysis.shell.recognizers.observability.GrafanaCli(),
                new AwsRecognizer(),
                new dev.interlock.analysis.shell.recognizers.backup.BackupTools(),
                new AzRecognizer(),
                new CdkRecognizer(),
                new dev.interlock.analysis.shell.recognizers.ci.CiRecognizer(),
                new CredentialRecognizer(),
                new DatabaseClientRecognizer(),
                new dev.interlock.analysis.shell.recognizers.database.DataServiceRecognizer(),
                new dev.interlock.analysis.shell.recognizers.database.NoSqlRecognizer(),
                new dev.interlock.analysis.shell.recognizers.database.PostgresServerTools(),
                new dev.interlock.analysis.shell.recognizers.database.MySqlOperatorTools(),
                new dev.interlock.analysis.shell.recognizers.database.SearchDumps(),
                new dev.interlock.analysis.shell.recognizers.dataplatforms.DataPlatformRecognizer(),
                new DockerRecognizer(),
                new EksctlRecognizer(),
                new FileServers(),
                new FilesystemRecognizer(),
                new GcloudRecognizer(),
                new GitRecognizer(),
                new dev.interlock.analysis.shell.recognizers.vcs.ForgeServers(),
                new HelmRecognizer(),
                new dev.interlock.analysis.shell.recognizers.kubernetes.GitOpsRecognizer(),
                new dev.interlock.analysis.shell.recognizers.host.HostAdministration(),
                new dev.interlock.analysis.shell.recognizers.host.NixSystems(),
                new dev.interlock.analysis.shell.recognizers.netdevices.RoutingCli(),
                new dev.interlock.analysis.shell.recognizers.netdevices.HostNetworking(),
                new dev.interlock.analysis.shell.recognizers.netdevices.InterfaceTools(),
                new dev.interlock.analysis.shell.recognizers.dns.DnsTools(),
                new dev.interlock.analysis.shell.recognizers.dns.ExternalDns(),
                new dev.interlock.analysis.shell.recognizers.edge.Fastly(),
                new dev.interlock.analysis.shell.recognizers.edge.Akamai(),
                new dev.interlock.analysis.shell.recognizers.pki.PkiRecognizer(),
                new dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin(),
                new dev.interlock.analysis.shell.recognizers.kerberos.KerberosRecognizer(),
                new dev.interlock.analysis.shell.recognizers.activedirectory.WindowsRemoteRecognizer(),
                new Homebrew(),
                new dev.interlock.analysis.shell.recognizers.packages.Nix(),
                new InterpreterRecognizer(),
                new dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopRecognizer(),
                new KubectlRecognizer(),
                new LocalMachines(),
                new dev.interlock.analysis.shell.recognizers.storage.CephAdm(),
                new dev.interlock.analysis.shell.recognizers.storage.StorageClusters(),
                new dev.interlock.analysis.shell.recognizers.storage.PublicStorage(),
                new MacDefaults(),
                new dev.interlock.analysis.shell.recognizers.macos.Nvram(),
                new dev.interlock.analysis.shell.recognizers.macos.Quarantine(),
                new MigrationRecognizer(),
                new NetworkRecognizer(),
                new dev.interlock.analysis.shell.recognizers.network.HeadlessBrowsers(),
                new dev.interlock.analysis.shell.recognizers.network.PacketCaptures(),
                new dev.interlock.analysis.shell.recognizers.network.ToxiproxyCli(),
                new dev.interlock.analysis.shell.recognizers.diagnostics.RuntimeDiagnostics(),
                new dev.interlock.analysis.shell.recognizers.offensive.AttackTools(),
                new PackagePublishRecognizer(),
                new PrivilegeRecognizer(),
                new PublicTunnels(),
                new PulumiRecognizer(),
                new SelfProtectionRecognizer(),
                new dev.interlock.analysis.shell.recognizers.security.SecurityTools(),
                new dev.interlock.analysis.shell.recognizers.schedulers.JobSchedulerRecognizer(),
                new dev.interlock.analysis.shell.recognizers.hpc.HpcRecognizer(),
                new dev.interlock.analysis.shell.recognizers.pipelines.PipelineRecognizer(),
                new dev.interlock.analysis.shell.recognizers.mlops.MlopsRecognizer(),
                new dev.interlock.analysis.shell.recognizers.iac.ServerlessStacks(),
                new dev.interlock.analysis.shell.recognizers.saas.SaasAdmin(),
                new dev.interlock.analysis.shell.recognizers.fleet.FleetRecognizer(),
                new dev.interlock.analysis.shell.recognizers.messaging.MessagingRecognizer(),
                new dev.interlock.analysis.shell.recognizers.gateways.GatewayRecognizer(),
                new dev.interlock.analysis.shell.recognizers.mesh.ServiceMeshes(),
                new ShellHistory(),
                new Simulators(),
                new dev.interlock.analysis.shell.recognizers.mobile.AndroidDebugBridge(),
                new dev.interlock.analysis.shell.recognizers.mobile.AndroidEmulator(),
                new dev.interlock.analysis.shell.recognizers.mobile.AppStoreUploads(),
                new dev.interlock.analysis.shell.recognizers.mobile.CodePush(),
                new dev.interlock.analysis.shell.recognizers.mobile.ExpoServices(),
                new dev.interlock.analysis.shell.recognizers.mobile.Fastboot(),
                new dev.interlock.analysis.shell.recognizers.mobile.Watchman(),
                new dev.interlock.analysis.shell.recognizers.packages.ReleaseTools(),
                new dev.interlock.analysis.shell.recognizers.registries.RegistryTools(),
                new dev.interlock.analysis.shell.recognizers.registries.JfrogCli(),
                new SqlShells(),
                new dev.interlock.analysis.shell.recognizers.database.VendorSqlShells(),
                new dev.interlock.analysis.shell.recognizers.database.OracleTools(),
                new dev.interlock.analysis.shell.recognizers.database.IbmMq(),
                new dev.interlock.analysis.shell.recognizers.mainframe.Zowe(),
                new ServiceControlRecognizer(),
                new SystemSettings(),
                new dev.interlock.analysis.shell.recognizers.packages.SystemPackages(),
                new TerraformRecognizer(),
                new dev.interlock.analysis.shell.recognizers.virtualization.VirtualizationRecognizer(),
                new dev.interlock.analysis.shell.recognizers.cloud.IbmAndOracleClouds(),
                new dev.interlock.analysis.shell.recognizers.windows.WindowsCommands(),
                new dev.interlock.analysis.shell.recognizers.windows.WindowsServerTools(),
                new dev.interlock.analysis.shell.recognizers.windows.IisAppcmd(),
                new dev.interlock.analysis.shell.recognizers.containers.NodeRuntimes(),
                new dev.interlock.analysis.shell.recognizers.kubernetes.Kubeadm(),
                new dev.interlock.analysis.shell.recognizers.hosting.HostingRecognizer());
    }

    /** For programs no recognizer claims. */
    static Recognizer fallback() {
        return new UnrecognizedProgram();
    }
}
