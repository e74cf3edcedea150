package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerSigner;

/**
 * What proves the ledger, as the services that verify it, bundle it and report on it read it: the chain of sealed
 * entries, the signed checkpoints over it, the keys that check their signatures, and the signed purge records.
 */
public record LedgerProofs(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer, LedgerRetention retention) {
}
