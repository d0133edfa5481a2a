import { readContractTopicIds } from "../../src/knowledge/topic-contract.js";

/** The topic IDs of the contract (docs/spec/topics.md), as the tests enumerate them. */
export const TOPIC_IDS: readonly string[] = readContractTopicIds();
