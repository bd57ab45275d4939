---- MODULE MCPaxosSymmetric ----
\* MCPaxos with acceptors and values interchangeable: the reference's symmetric TLC runs.
EXTENDS MCPaxos
AcceptorValueSymmetry == Permutations(const_1560336937634605000) \cup Permutations(const_1560336937634606000)
====
