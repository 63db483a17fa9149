package dev.interlock.analysis.shell.recognizers.virtualization;

import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import java.util.Map;

/**
 * One run of a hypervisor or bare-metal CLI as its table reads it: what the command does, its name, the object it
 * names, where it acts ({@code host}, {@code profile} locators), and whether that is the agent's own machine
 * ({@code virsh -c qemu:///session}: the user's own session VMs).
 */
record Run(Act act, String command, String name, Map<String, String> locators, boolean here) {

    Run {
        locators = Map.copyOf(locators);
    }
}
