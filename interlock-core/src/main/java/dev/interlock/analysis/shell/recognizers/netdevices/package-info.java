/** Network devices: router and switch CLIs (over ssh, vtysh, eAPI, NAPALM, Ansible network modules) and the host tools that change a machine's networking. */
package dev.interlock.analysis.shell.recognizers.netdevices;
