package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.FIREWALL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.UAC;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Windows' security controls switched off through the registry: UAC ({@code EnableLUA=0},
 * {@code ConsentPromptBehaviorAdmin=0}), Defender's policy keys ({@code DisableAntiSpyware=1},
 * {@code DisableRealtimeMonitoring=1}), the firewall's policy ({@code EnableFirewall=0}), and a control's service set
 * not to start ({@code Services\WinDefend Start=4}). Written by {@code reg add} or by {@code Set-ItemProperty} /
 * {@code New-ItemProperty}; one row per key: the value's name and the data that turns the control off.
 */
final class RegistrySwitches {

    private RegistrySwitches() {
    }

    /** {@code key}: the end of the key's path below the hive, lower case with backslashes; {@code name} and {@code off}: the value. */
    private record Row(Pattern key, Pattern name, Pattern off, String control) {
        Row(String key, String name, String off, String control) {
            this(Pattern.compile("(?:^|.*\\\\)" + key), Pattern.compile(name), Pattern.compile(off), control);
        }
    }

    private static final String ZERO = "0|0x0+|false|\\$false";
    private static final String ONE = "1|0x0*1|true|\\$true";

    private static final List<Row> ROWS = List.of(
            new Row("policies\\\\system", "enablelua|consentpromptbehavioradmin|promptonsecuredesktop|enableinstallerdetection"
                    + "|enablesecureuiapaths|enablevirtualization", ZERO, UAC),
            new Row("windows defender(\\\\[^\\\\]+)*", "disable\\w+", ONE, THREAT_DETECTION),
            new Row("windows advanced threat protection(\\\\[^\\\\]+)*", "forcedefenderpassivemode", ONE, THREAT_DETECTION),
            new Row("(windowsfirewall|firewallpolicy)\\\\\\w*profile", "enablefirewall", ZERO, FIREWALL),
            // a service set to Disabled (4) never starts again: WinDefend, Sense, MpsSvc, CSFalconService, Sysmon…
            new Row("services\\\\[^\\\\]+", "start", "4|0x0*4", "")
    );

    /** {@code reg add KEY /v NAME /t TYPE /d DATA [/f]}: the words after {@code reg}. */
    static Optional<String> reg(List<String> words) {
        if (words.size() < 2 || !words.getFirst().equalsIgnoreCase("add")) {
            return Optional.empty();
        }
        String name = "";
        String data = "";
        for (int i = 2; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("/v")) {
                name = words.get(++i);
            } else if (words.get(i).equalsIgnoreCase("/d")) {
                data = words.get(++i);
            }
        }
        return control(words.get(1), name, data);
    }

    /** {@code Set-ItemProperty|New-ItemProperty [-Path] KEY [-Name] NAME [-Value] DATA}: the words after the cmdlet. */
    static Optional<String> cmdlet(String rest) {
        String key = "";
        String name = "";
        String value = "";
        List<String> positionals = new ArrayList<>();
        List<String> words = words(rest);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            int colon = w.indexOf(':');
            String param = w.startsWith("-") && colon > 0 ? w.substring(0, colon) : w; // -Value:0
            String inline = w.startsWith("-") && colon > 0 ? words.get(i).substring(colon + 1) : null;
            String next = inline != null ? inline : i + 1 < words.size() ? words.get(i + 1) : "";
            boolean consumes = inline == null;
            switch (param) {
                case "-path", "-literalpath", "-pspath" -> key = next;
                case "-name" -> name = next;
                case "-value" -> value = next;
                case "-type", "-propertytype" -> {
                }
                default -> {
                    if (!w.startsWith("-")) {
                        positionals.add(words.get(i));
                    }
                    continue;
                }
            }
            if (consumes) {
                i++;
            }
        }
        // Set-ItemProperty -Path KEY -Name NAME -Value DATA, or the same in order without the names
        for (String p : positionals) {
            if (key.isEmpty()) {
                key = p;
            } else if (name.isEmpty()) {
                name = p;
            } else if (value.isEmpty()) {
                value = p;
            }
        }
        return control(key, name, value);
    }

    /** The control a value written under a key switches off, if it does. */
    static Optional<String> control(String key, String name, String data) {
        String k = key.toLowerCase(Locale.ROOT).replace('/', '\\').replaceFirst("^registry::", "").replaceAll("\\\\+$", "");
        String n = name.toLowerCase(Locale.ROOT);
        String d = data.toLowerCase(Locale.ROOT);
        if (!k.startsWith("hk")) {
            return Optional.empty(); // HKLM:\…, HKEY_LOCAL_MACHINE\…, HKCU\…: a registry key, not a file
        }
        for (Row row : ROWS) {
            if (row.key().matcher(k).matches() && row.name().matcher(n).matches() && row.off().matcher(d).matches()) {
                if (!row.control().isEmpty()) {
                    return Optional.of(row.control());
                }
                return HostSwitches.service(k.substring(k.lastIndexOf('\\') + 1));
            }
        }
        return Optional.empty();
    }

    /** Words outside quotes, quotes removed ({@code -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender'}). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }
}
