/** Healthcare data systems' own clients: DICOM network tools and HL7 senders that query, fill or move a PACS's or an interface engine's records. */
package dev.interlock.analysis.shell.recognizers.healthcare;
