"use client";

// LiveChat's Design System ships without "use client": this module is the client boundary that
// server components import its components through (with plain, serializable props only).
export {
  Alert,
  Avatar,
  Button,
  EmptyState,
  Heading,
  Loader,
  SkeletonAvatar,
  SkeletonText,
  SkeletonWrapper,
  StatusBadge,
  Tag,
  Text,
} from "@livechat/design-system-react-components";
