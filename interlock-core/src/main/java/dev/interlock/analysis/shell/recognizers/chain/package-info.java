/** Recognizers for blockchain and smart-contract CLIs (Foundry, Hardhat, Truffle, Solana, Anchor, NEAR, Sui, Aptos): which network a transaction, deployment or authority change goes to, and which commands only read, simulate or build. */
package dev.interlock.analysis.shell.recognizers.chain;
