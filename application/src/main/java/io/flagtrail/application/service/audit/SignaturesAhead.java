package io.flagtrail.application.service.audit;

import io.flagtrail.domain.ledger.Checkpoint;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the Ed25519 signatures of a bundle's checkpoints on a thread of its own, in the order the entries will reach
 * them, while the verifier hashes the entries: a checkpoint every thousand entries is a thousand signatures per
 * million entries, a tenth of the work done in line. A checkpoint asked about under another key than its listed one
 * (or not listed) is checked in line, so the answer is always {@link Checkpoint#signatureValid}'s.
 */
final class SignaturesAhead {

    private final Map<Checkpoint, CompletableFuture<Boolean>> results = new IdentityHashMap<>();
    private final Map<String, String> keys;

    private SignaturesAhead(List<Checkpoint> checkpoints, Map<String, String> keys) {
        this.keys = keys;
        checkpoints.forEach(c -> results.put(c, new CompletableFuture<>()));
    }

    /** Starts checking {@code checkpoints} (in size order) under {@code keys} (public keys by key id). */
    static SignaturesAhead start(List<Checkpoint> checkpoints, Map<String, String> keys) {
        var ahead = new SignaturesAhead(checkpoints, keys);
        var inOrder = checkpoints.stream().sorted(java.util.Comparator.comparingLong(Checkpoint::size)).toList();
        Thread.ofPlatform().daemon().name("bundle-signatures").start(() -> {
            for (var checkpoint : inOrder) {
                var result = ahead.results.get(checkpoint);
                try {
                    String key = keys.get(checkpoint.keyId());
                    result.complete(key != null && checkpoint.signatureValid(key));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return ahead;
    }

    /** Whether {@code checkpoint} is signed by {@code publicKey}. */
    boolean valid(Checkpoint checkpoint, String publicKey) {
        var result = results.get(checkpoint);
        if (result == null || publicKey == null || !publicKey.equals(keys.get(checkpoint.keyId()))) {
            return publicKey != null && checkpoint.signatureValid(publicKey);
        }
        return result.join();
    }
}
