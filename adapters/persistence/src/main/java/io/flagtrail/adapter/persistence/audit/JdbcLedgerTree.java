package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tree's nodes in {@code ledger_tree_nodes}, keyed by (level, idx): every read is a primary-key look-up. */
@Singleton
final class JdbcLedgerTree implements LedgerTree {

    /** Proofs at any realistic size need fewer; a larger request is read in chunks of this many. */
    private static final int CHUNK = 200;

    private final Sql sql;

    JdbcLedgerTree(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long size() {
        return sql.query("SELECT MAX(idx) FROM ledger_tree_nodes WHERE level = 0", List.of(),
                rs -> rs.next() && rs.getObject(1) != null ? rs.getLong(1) + 1 : 0L);
    }

    @Override
    public Map<Node, String> nodes(Collection<Node> wanted) {
        var found = new HashMap<Node, String>();
        var all = List.copyOf(wanted);
        for (int start = 0; start < all.size(); start += CHUNK) {
            var chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            var where = new StringBuilder();
            var args = new ArrayList<Object>();
            for (var node : chunk) {
                where.append(where.isEmpty() ? "" : " OR ").append("(level = ? AND idx = ?)");
                args.add(node.level());
                args.add(node.index());
            }
            sql.lookUpList("SELECT level, idx, hash FROM ledger_tree_nodes WHERE " + where, args,
                    rs -> found.put(new Node(rs.getInt("level"), rs.getLong("idx")), rs.getString("hash")));
        }
        return found;
    }

    @Override
    public void add(Map<Node, String> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        var rows = new ArrayList<List<?>>(nodes.size());
        nodes.forEach((node, hash) -> rows.add(List.of(node.level(), node.index(), hash)));
        sql.batch("INSERT INTO ledger_tree_nodes (level, idx, hash) VALUES (?, ?, ?)", rows);
    }
}
