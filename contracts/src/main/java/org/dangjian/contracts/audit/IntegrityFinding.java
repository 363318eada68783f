package org.dangjian.contracts.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 完整性问题: something a verification found wrong with a stream.
 *
 * @param kind        what: {@code STORE_BEHIND} (the store holds fewer events than were published: a tail cut),
 *                    {@code STORE_HEAD_DIFFERS} (the store's event at a published sequence has another hash: rewritten),
 *                    {@code STORE_MISSING} (the store holds none of a published stream), {@code STORE_CHAIN_BROKEN},
 *                    {@code STORE_AHEAD} (stored events never published), {@code CHECKPOINT_INCONSISTENT} (the witnessed
 *                    stream no longer extends what a signed checkpoint holds), {@code CHAIN_BROKEN}, {@code HASH_MISMATCH},
 *                    {@code SEQUENCE_GAP} (as witnessed on the topic)
 * @param service     the publishing service
 * @param aggregateId the stream
 * @param sequence    the first sequence concerned
 * @param detail      what was expected and what was found, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityFinding(String kind, String service, String aggregateId, long sequence, String detail) {
}
