/** Industrial control (OT/SCADA) protocol tools — Modbus pollers, OPC UA clients, the BACnet stack's tools: which controller or server a command talks to, and whether it only reads or writes to physical equipment. */
package dev.interlock.analysis.shell.recognizers.industrial;
